import ArgumentParser

extension Training.User {
    /// `training user reactivate`.
    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a deactivated user sign in again (audited).",
            discussion: "Example:\n  training user reactivate bookings@calderdale-nhs.example")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Their email.") var email: String

        func run() throws {
            let changed = try options.open().setUserActive(email: email, active: true, by: options.actor)
            print(changed ? "\(email) can sign in again." : "\(email) was already active.")
        }
    }
}
