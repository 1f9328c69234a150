import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Mail {
    /// `training mail list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the outbox, newest first.",
            discussion: "Example:\n  training mail list --status failed\n  training mail list --learner sam.jones@school.example")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only messages that are queued, sent or failed.") var status: OutboxMessage.Status?
        @Option(help: "Only this kind of message (see `training mail kinds`).") var kind: MessageKind?
        @Option(help: "Only messages to or about the learner with this email.") var learner: String?
        @Option(help: "At most this many.") var limit = 200

        func run() throws {
            let database = try options.open()
            try database.queueOwedMessages()
            let messages = try database.messages(MessageFilter(status: status, kind: kind, learnerEmail: learner, limit: max(1, limit)))
            guard !messages.isEmpty else {
                print("No messages.")
                return
            }
            print(TextTable.render(header: ["Number", "Kind", "To", "Status", "Written", "Sent", "Attempts", "Problem"], rows: messages.map {
                [$0.id.map(String.init) ?? "not yet", $0.kind.rawValue, $0.recipientAddress ?? "(cleared)", $0.status.rawValue, LondonTime.format($0.createdAt),
                 $0.sentAt.map(LondonTime.format) ?? "", String($0.attempts), $0.lastError ?? ""]
            }))
        }
    }
}
