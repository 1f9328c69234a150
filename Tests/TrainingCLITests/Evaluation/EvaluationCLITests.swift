import Foundation
import Testing
import TrainingCore
import TrainingStore

@Suite("Evaluations from the command line")
struct EvaluationCLITests {
    /// A workspace whose database holds a session delivered in November 2025 with six learners present,
    /// prepared through the store on a clock standing in 2025 (the command line runs on today's clock).
    func workspaceWithDeliveredSession() throws -> (Workspace, Int64) {
        let workspace = Workspace()
        let clock = FixedClock(try LondonTime.parse("2025-11-03 09:00"))
        let database = try AppDatabase.open(path: workspace.database, create: true, now: clock.now)
        let session = try deliveredSession(in: database, clock: clock,
                                           present: (1...6).map { ("Distinctive Name\($0 - 1)", "learner\($0)@c.example") })
        return (workspace, session)
    }

    @Test func dueLinksAreAMailMergeCSVAndEachAnswersOnce() throws {
        let (workspace, _) = try workspaceWithDeliveredSession()
        try workspace.run(["settings", "set", "base-url", "https://training.example"])
        let due = try workspace.run(["evaluations", "due"])
        #expect(due.status == 0)
        let lines = due.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "email,name,course,session_date,kind,link,expires_on")
        // Six evaluations, and six follow-ups (due 15 February 2026, before today).
        #expect(lines.count == 13)
        let link = lines[1].split(separator: ",")[5]
        #expect(link.hasPrefix("https://training.example/evaluate/"))
        let token = String(link.split(separator: "/").last!)

        let answered = try workspace.run(["evaluate", token, "--satisfaction", "5", "--knowledge", "a lot", "--before", "4", "--after", "8",
                                          "--best", "Hearing from the police"])
        #expect(answered.output == "Thank you: the evaluation is recorded.\n")
        let again = try workspace.run(["evaluate", token, "--satisfaction", "1", "--knowledge", "not-at-all"])
        #expect(again.status == 1)
        #expect(again.errors == "error: this link has already been used: thank you, your answers are recorded\n")
        #expect(try workspace.run(["evaluations", "due"]).output == "email,name,course,session_date,kind,link,expires_on\n")
    }

    @Test func anOutOfRangeAnswerIsRefusedNamingTheField() throws {
        let (workspace, _) = try workspaceWithDeliveredSession()
        let token = String(try workspace.run(["evaluations", "due"]).output.split(separator: "\n")[1].split(separator: "/").last!.split(separator: ",")[0])
        let result = try workspace.run(["evaluate", token, "--satisfaction", "7", "--knowledge", "a-lot"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field 'satisfaction': satisfaction is 1 to 5, not 7\n")
    }

    @Test func historicalEvaluationsImportWithRejectsAndTheImpactShowsNoNames() throws {
        let (workspace, session) = try workspaceWithDeliveredSession()
        var csv = "session_ref,learner_email,submitted_on,satisfaction,knowledge,confidence_before,confidence_after,best_part,practice_change,improve\n"
        for (index, score) in [5, 5, 4, 4, 3].enumerated() {
            csv += "\(session),learner\(index + 1)@c.example,18/11/2025,\(score),a lot,4,7,\"Useful, practical\",I will ask more questions,\n"
        }
        csv += "\(session),stranger@c.example,18/11/2025,5,a lot,,,,,\n"
        try workspace.write("history.csv", csv)
        let imported = try workspace.run(["import", "evaluations", "history.csv"])
        #expect(imported.output.hasPrefix("Evaluations imported from history.csv: 5 added, 0 unchanged, 1 rejected.\n"))
        let rejects = try String(contentsOf: workspace.folder.appendingPathComponent("history.rejects.csv"), encoding: .utf8)
        #expect(rejects == "line,session_ref,learner_email,reason\n7,\(session),stranger@c.example,stranger@c.example has no booking on session '\(session)'\n")

        let impact = try workspace.run(["impact", "--year", "2025-26", "--by", "sector"])
        #expect(impact.status == 0)
        #expect(impact.output.contains("“Useful, practical” — Introduction to Safeguarding, Local Authority, 2025-11-18"))
        #expect(impact.output.contains("5 (83%)"))            // 5 responses of 6 attended
        #expect(impact.output.contains("80%"))                // 4 of 5 satisfied
        #expect(!impact.output.contains("Distinctive Name"))
        #expect(!impact.output.contains("@c.example"))
    }
}

/// Adds Calderdale Council and these learners (name, email), its staff.
func addCalderdale(_ learners: [(name: String, email: String)], to database: AppDatabase) throws {
    try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
    for learner in learners {
        try database.addLearner(LearnerDetails(name: learner.name, email: EmailAddress(learner.email), agencyName: "Calderdale Council",
                                               jobRole: nil), by: "officer")
    }
}

/// Prepares, through the store, Introduction to Safeguarding delivered on 17 November 2025 with these
/// Calderdale Council learners (name, email) booked and present; `clock` must stand before the session,
/// and is left just after it. Returns the session's number.
func deliveredSession(in database: AppDatabase, clock: FixedClock, present learners: [(name: String, email: String)]) throws -> Int64 {
    try database.importCatalogue(CatalogueFilesFixture.introduction, by: "officer")
    try addCalderdale(learners, to: database)
    let session = try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding",
                                                           start: try LondonTime.parse("2025-11-17 09:30"),
                                                           end: try LondonTime.parse("2025-11-17 12:30")), by: "officer").id!
    let emails = learners.map(\.email)
    for email in emails { try database.book(session: session, learnerEmail: email, by: "booker") }
    clock.set(try LondonTime.parse("2025-11-17 13:00"))
    try database.mark(session: session, present: emails, by: "officer")
    try database.deliverSession(session, by: "officer")
    return session
}

/// A clock the test sets by hand.
final class FixedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    func set(_ date: Date) { lock.withLock { current = date } }
    var now: @Sendable () -> Date { { self.lock.withLock { self.current } } }
}

enum CatalogueFilesFixture {
    static let introduction = [CatalogueEntry(
        definition: CourseDefinition(title: "Introduction to Safeguarding", level: .foundation, delivery: .faceToFace,
                                     duration: CourseDuration(minutes: 180)!, capacity: 25, minimumNumbers: 8),
        file: "test", line: 1)]
}
