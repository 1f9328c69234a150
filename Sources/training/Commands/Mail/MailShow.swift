import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Mail {
    /// `training mail show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one message: its envelope, where its delivery stands, and what it said once sent.",
            discussion: "Example:\n  training mail show 42")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The message's number.", transform: Arguments.id) var number: Int64

        func run() throws {
            let database = try options.open()
            try database.queueOwedMessages()
            let message = try database.message(number)
            print("Message \(number) — \(message.kind.rawValue)")
            if let address = message.recipientAddress {
                print("  To:       \(message.recipientName ?? "") <\(address)>")
            } else {
                print("  To:       cleared under the retention setting")
            }
            if !message.copyAddresses.isEmpty { print("  Copy to:  \(message.copyAddresses.joined(separator: ", "))") }
            print("  Status:   \(message.status.rawValue) after \(message.attempts) attempt(s)")
            print("  Written:  \(LondonTime.format(message.createdAt))")
            if message.status == .queued { print("  Next try: \(LondonTime.format(message.nextAttemptAt))") }
            if let sent = message.sentAt { print("  Sent:     \(LondonTime.format(sent))") }
            if let problem = message.lastError { print("  Problem:  \(problem)") }
            if let subject = message.subject { print("  Subject:  \(subject)") }
            if let text = message.textBody {
                print("")
                print(text)
            } else if message.bodyClearedAt != nil {
                print("\nWhat it said was cleared under the retention setting (message-retention-days).")
            }
        }
    }
}
