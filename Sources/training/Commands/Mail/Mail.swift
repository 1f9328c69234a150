import ArgumentParser
import TrainingCore
import TrainingStore

extension Training {
    /// `training mail ...`: the outbox of messages sent by email.
    struct Mail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send, list, show and retry the messages sent by email, and switch kinds of message on or off.",
            discussion: """
                Messages are written to the outbox as changes are made, once `mail-transport` is set (training \
                settings). `training serve` sends them as it runs; without the web application, run \
                `training mail send` from cron, every few minutes.
                """,
            subcommands: [Send.self, List.self, Show.self, Retry.self, Kinds.self, Switch.self])
    }
}

extension OutboxMessage.Status: ExpressibleByArgument {}
extension MessageKind: ExpressibleByArgument {}
