import ArgumentParser

extension Training.User {
    /// `training user deactivate`.
    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop a user signing in: every session they have ends at once (audited).",
            discussion: "Their record and what they did stay. Undo with `training user reactivate`.\n\nExample:\n  training user deactivate bookings@calderdale-nhs.example")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Their email.") var email: String

        func run() throws {
            let changed = try options.open().setUserActive(email: email, active: false, by: options.actor)
            print(changed ? "\(email) can no longer sign in; their sessions have ended." : "\(email) was already deactivated.")
        }
    }
}
