import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Mail {
    /// `training mail kinds`.
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the kinds of message and whether each is on.")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let off = try options.open().messageKindsOff()
            print(TextTable.render(header: ["Kind", "On"], rows: MessageKind.allCases.map { [$0.rawValue, off.contains($0) ? "off" : "on"] }))
        }
    }

    /// `training mail switch`.
    struct Switch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Switch one kind of message on or off.",
            discussion: "Example:\n  training mail switch reminder off --by officer@partnership.example")

        /// On or off.
        enum State: String, ExpressibleByArgument, CaseIterable { case on, off }

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The kind (see `training mail kinds`).") var kind: MessageKind
        @Argument(help: "on or off.") var state: State
        @Option(help: "Who is switching it (default: $TRAINING_USER or the login name).") var by: String?

        func run() throws {
            try options.open().switchMessageKind(kind, on: state == .on, by: by ?? options.actor)
            print("\(kind.rawValue) messages are \(state.rawValue).")
        }
    }
}
