import ArgumentParser
import TrainingCore

extension Training.SessionCommand {
    /// `training session cancel`.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a session: every booking is released with no charge and the bookers are told.",
            discussion: "Example:\n  training session cancel 12 --reason low-numbers --note \"4 booked of 8 needed\"")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Option(help: "low-numbers, trainer, venue or other.") var reason: String
        @Option(help: "A note for the record.") var note: String?

        func run() throws {
            let why = try SessionCancelReason.parse(reason, at: InputLocation(field: "--reason"))
            let released = try options.open().cancelSession(session, reason: why, note: note, by: options.actor)
            print("Cancelled session \(session.shown) (\(why.rawValue)): \(released.count) booking\(released.count == 1 ? "" : "s") released with no charge; their bookers will be told.")
        }
    }
}
