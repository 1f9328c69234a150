import ArgumentParser
import TrainingStore

extension Training.Mail {
    /// `training mail retry`.
    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a failed message again, to be sent on the next pass.",
            discussion: "Example:\n  training mail retry 42 --by officer@partnership.example")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The message's number.", transform: Arguments.id) var number: Int64
        @Option(help: "Who is retrying it (default: $TRAINING_USER or the login name).") var by: String?

        func run() throws {
            try options.open().retryMessage(number, by: by ?? options.actor)
            print("Message \(number) is queued again.")
        }
    }
}
