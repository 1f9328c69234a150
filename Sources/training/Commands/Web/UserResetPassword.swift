import ArgumentParser
import TrainingWeb

extension Training.User {
    /// `training user reset-password`.
    struct ResetPassword: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Give a user a new password; every session they have ends, and failed sign-ins are forgotten.",
            discussion: "Example:\n  training user reset-password bookings@calderdale-nhs.example")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Their email.") var email: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() throws {
            let hash = try Passwords.hash(try readPassword(fromStandardInput: passwordStdin))
            try options.open().resetPassword(email: email, passwordHash: hash, by: options.actor)
            print("The password of \(email) is changed.")
        }
    }
}
