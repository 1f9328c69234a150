import ArgumentParser
import TrainingStore

extension Training.SessionCommand {
    /// `training session deliver`.
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a session once its register is complete.",
            discussion: "Example:\n  training session deliver 12")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

        func run() throws {
            try options.open().deliverSession(session, by: options.actor)
            print("Session \(session.shown) is delivered and its register closed.")
        }
    }
}
