import Foundation
import Testing
import TrainingCore
import TrainingStore

/// Issue 16, finding 4: every CSV the command line writes neutralises a field a spreadsheet would run
/// as a formula (a single quote in front, the field quoted).
@Suite("CSV outputs neutralise formulas")
struct CSVInjectionCLITests {
    @Test func evaluationInvitationsNeutraliseLearnerNamesThatLookLikeFormulas() throws {
        let workspace = Workspace()
        let clock = FixedClock(try LondonTime.parse("2025-11-03 09:00"))
        let database = try AppDatabase.open(path: workspace.database, create: true, now: clock.now)
        _ = try deliveredSession(in: database, clock: clock, present: [
            ("=HYPERLINK(\"http://x\")", "a@c.example"), ("+1", "b@c.example"), ("-2", "c@c.example"), ("@SUM(A1)", "d@c.example"),
        ])
        let result = try workspace.run(["evaluations", "due", "--out", "invitations.csv"])
        #expect(result.status == 0)
        let written = try String(contentsOf: workspace.folder.appendingPathComponent("invitations.csv"), encoding: .utf8)
        let names = written.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 1)[1] }
        #expect(names.contains { $0.hasPrefix("\"'=HYPERLINK(\"\"http://x\"\")\",") })
        #expect(names.contains { $0.hasPrefix("\"'+1\",") })
        #expect(names.contains { $0.hasPrefix("\"'-2\",") })
        #expect(names.contains { $0.hasPrefix("\"'@SUM(A1)\",") })
        #expect(!written.contains(",=") && !written.contains(",+") && !written.contains(",-") && !written.contains(",@"))
    }

    @Test func theEvaluationImportsRejectsFileNeutralisesValuesThatLookLikeFormulas() throws {
        let workspace = Workspace()
        let clock = FixedClock(try LondonTime.parse("2025-11-03 09:00"))
        let database = try AppDatabase.open(path: workspace.database, create: true, now: clock.now)
        let session = try deliveredSession(in: database, clock: clock, present: [("Amy", "amy@c.example")])
        try workspace.write("evaluations.csv", """
            session_ref,learner_email,submitted_on,satisfaction,knowledge
            \(session),-2@c.example,18/11/2025,5,a lot

            """)
        let imported = try workspace.run(["import", "evaluations", "evaluations.csv"])
        #expect(imported.status == 0)
        let rejects = try String(contentsOf: workspace.folder.appendingPathComponent("evaluations.rejects.csv"), encoding: .utf8)
        #expect(rejects == "line,session_ref,learner_email,reason\n2,\(session),\"'-2@c.example\",\"'-2@c.example has no booking on session '\(session)'\"\n")
    }

    @Test func theUsageImportsRejectsFileNeutralisesValuesThatLookLikeFormulas() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("progress.csv", """
            email,module,started_on,completed_on
            =1+2@c.example,@SUM(A1),2025-11-04,

            """)
        let imported = try workspace.run(["licences", "import-usage", "progress.csv"])
        #expect(imported.status == 0)
        let rejects = try String(contentsOf: workspace.folder.appendingPathComponent("progress.rejects.csv"), encoding: .utf8)
        #expect(rejects == """
            line,email,module,reason
            2,"'=1+2@c.example","'@SUM(A1)",unknown learner: no learner has the email '=1+2@c.example'

            """)
    }
}
