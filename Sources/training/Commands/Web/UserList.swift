import ArgumentParser
import TrainingCore

extension Training.User {
    /// `training user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.", discussion: "Example:\n  training user list")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let users = try options.open().users()
            print(TextTable.render(header: ["Email", "Name", "Role", "Active", "Last signed in"], rows: users.map {
                [$0.email, $0.name, $0.role.rawValue, $0.isActive ? "yes" : "no", $0.lastLoginAt.map(LondonTime.format) ?? "never"]
            }))
        }
    }
}
