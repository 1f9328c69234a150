import ArgumentParser
import TrainingCore
import TrainingStore

extension Training {
    /// `training register`: who holds a place on a session, and their marks.
    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a session's register.",
            discussion: "Example:\n  training register 12")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

        func run() throws {
            let lines = try options.open().register(session: session)
            guard !lines.isEmpty else {
                print("Nobody holds a place on session \(session.shown).")
                return
            }
            print(TextTable.render(header: ["Learner", "Email", "Agency", "Mark"], rows: lines.map {
                [$0.learnerName, $0.learnerEmail ?? "", $0.agencyName ?? agencyNotRecorded,
                 $0.booking.status == .confirmed ? "not marked" : $0.booking.status.rawValue]
            }))
        }
    }
}
