import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.SessionCommand {
    /// `training session list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List sessions, earliest first.",
            discussion: """
                Examples:
                  training session list --year 2025-26
                  training session list --course "Introduction to Safeguarding" --status scheduled
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Financial year of the start, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear?
        @Option(help: "Only this course.") var course: String?
        @Option(help: "scheduled, delivered or cancelled.") var status: String?

        func run() throws {
            let sessions = try options.open().sessions(
                year: year, courseTitle: course,
                status: try status.map { try SessionStatus.parse($0, at: InputLocation(field: "--status")) })
            guard !sessions.isEmpty else {
                print("No sessions match.")
                return
            }
            print(TextTable.render(
                header: ["ID", "Start", "Course", "Status", "Booked", "Left", "Waiting"],
                rows: try sessions.map { s in
                    [try s.session.storedID.shown, LondonTime.format(s.session.startsAt), s.courseTitle, s.session.status.rawValue,
                     "\(s.placesTaken)/\(s.session.capacity)", String(s.placesLeft), String(s.waitlisted)]
                }))
        }
    }
}
