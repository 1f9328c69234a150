import ArgumentParser
import TrainingStore

extension Training.SessionCommand {
    /// `training session capacity`.
    struct Capacity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a session's number of places; extra places go to the waiting list in order.",
            discussion: "Example:\n  training session capacity 12 30")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Argument(help: "The new number of places.") var capacity: Int

        func run() throws {
            let promoted = try options.open().setCapacity(of: session, to: capacity, by: options.actor)
            print("Session \(session.shown) now has \(capacity) places.")
            for line in promoted { print("  \(line.learnerName) moved from the waiting list to a confirmed place; their booker will be told.") }
        }
    }
}
