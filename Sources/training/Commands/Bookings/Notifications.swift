import ArgumentParser
import TrainingCore

extension Training {
    /// `training notifications`: messages owed to bookers.
    struct Notifications: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages owed to bookers: waiting-list promotions and cancelled sessions.",
            discussion: "Example:\n  training notifications")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let notifications = try options.open().notifications()
            guard !notifications.isEmpty else {
                print("No notifications.")
                return
            }
            print(TextTable.render(header: ["When", "To", "Kind", "Message"], rows: notifications.map {
                [LondonTime.format($0.createdAt), $0.recipient, $0.kind.rawValue, $0.message]
            }))
        }
    }
}
