import Foundation
import Testing
import TrainingCore

@Suite("Licences from the command line")
struct LicenceCLITests {
    func workspaceWithPool() throws -> Workspace {
        let workspace = Workspace()
        try workspace.run(["init"])
        #expect(try workspace.run(["catalogue", "import", packageRoot.appendingPathComponent("Courses").path]).status == 0)
        try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority"])
        try workspace.run(["learner", "add", "Sam Patel", "sam@c.example", "--agency", "Calderdale Council"])
        try workspace.run(["learner", "add", "Jo Bloggs", "jo@c.example", "--agency", "Calderdale Council"])
        #expect(try workspace.run(["licences", "buy", "--count", "20", "--from", "2000-04-01", "--to", "2099-03-31"]).status == 0)
        return workspace
    }

    @Test func unmatchedUsageRowsGoToARejectsFileBesideTheInputWithLineAndReason() throws {
        let workspace = try workspaceWithPool()
        let allocated = try workspace.run(["licences", "allocate", "FGM Awareness", "sam@c.example", "ghost@c.example"])
        #expect(allocated.output == "1 of 2 learners allocated a licence for FGM Awareness.\n  refused ghost@c.example: no learner has the email ghost@c.example\n")
        // The licence was allocated today (the command line runs on the real clock), so usage is dated from today,
        // written once in the British form and once in ISO form.
        let today = LondonTime.date(of: Date())
        let british = String(format: "%02d/%02d/%04d", today.day, today.month, today.year)
        try workspace.write("progress.csv", """
            email,module,started_on,completed_on,score
            sam@c.example,FGM Awareness,\(british),\(today),90
            jo@c.example,FGM Awareness,\(today),,
            nobody@c.example,Modern Slavery,\(today),,
            """)
        let imported = try workspace.run(["licences", "import-usage", "progress.csv"])
        #expect(imported.status == 0)
        #expect(imported.output.hasPrefix("Usage imported from progress.csv: 0 started, 1 completed, 0 unchanged, 2 rejected.\n"))
        let rejects = try String(contentsOf: workspace.folder.appendingPathComponent("progress.rejects.csv"), encoding: .utf8)
        #expect(rejects == """
            line,email,module,reason
            3,jo@c.example,FGM Awareness,no allocation: Jo Bloggs has no licence for FGM Awareness
            4,nobody@c.example,Modern Slavery,unknown learner: no learner has the email 'nobody@c.example'

            """)
        let again = try workspace.run(["licences", "import-usage", "progress.csv"])
        #expect(again.output.hasPrefix("Usage imported from progress.csv: 0 started, 0 completed, 1 unchanged, 2 rejected.\n"))
    }

    @Test func aUsageFileWithAMalformedDateIsRefusedAtItsLineAndWritesNothing() throws {
        let workspace = try workspaceWithPool()
        try workspace.run(["licences", "allocate", "FGM Awareness", "sam@c.example"])
        try workspace.write("progress.csv", "email,module,started_on,completed_on\nsam@c.example,FGM Awareness,2025-11-04,31/02/2025\n")
        let before = try workspace.snapshot()
        let result = try workspace.run(["licences", "import-usage", "progress.csv"])
        #expect(result.status == 1)
        #expect(result.errors == "error: progress.csv, line 2, field 'completed_on': '31/02/2025' is not a day on the calendar\n")
        #expect(try workspace.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("progress.rejects.csv").path))
    }

    @Test func statusShowsThePoolAndTheTotal() throws {
        let workspace = try workspaceWithPool()
        try workspace.run(["licences", "allocate", "FGM Awareness", "sam@c.example", "jo@c.example"])
        let status = try workspace.run(["licences", "status"]).output
        #expect(status.contains("Total"))
        #expect(status.split(separator: "\n").last(where: { $0.hasPrefix("Total") })?.split(separator: " ").map(String.init)
                == ["Total", "20", "2", "0", "0", "0", "0", "18"])   // ... reclaimed, expired, left
    }
}
