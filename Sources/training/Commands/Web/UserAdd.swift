import ArgumentParser
import TrainingCore
import TrainingWeb

extension Training.User {
    /// `training user add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user: the officer, an agency's booker, or a board member.",
            discussion: """
                The password is asked for (twice, not shown), or read from standard input with --password-stdin. \
                It needs at least \(Passwords.minimumLength) characters and is kept only as a bcrypt hash.

                Examples:
                  training user add lio@partnership.example --name "Lee Officer" --role officer
                  training user add bookings@calderdale-nhs.example --name "Pat Booker" --role booker --agency "Calderdale NHS"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Their email, which they sign in with.") var email: String
        @Option(help: "Their name.") var name: String
        @Option(help: "officer, booker or board.") var role: String
        @Option(help: "A booker's agency.") var agency: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() throws {
            let role = try UserRole.parse(role, at: InputLocation(field: "--role"))
            let hash = try Passwords.hash(try readPassword(fromStandardInput: passwordStdin))
            let user = try options.open().addUser(email: email, name: name, role: role, agencyName: agency, passwordHash: hash, by: options.actor)
            print("Added \(user.email) (\(user.role.rawValue)\(agency.map { ", \($0)" } ?? "")). They can sign in now.")
        }
    }
}
