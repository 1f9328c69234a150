import ArgumentParser

extension Training {
    /// `training user add|reset-password|list`.
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "People who sign in to the web application.",
            subcommands: [Add.self, ResetPassword.self, Deactivate.self, Reactivate.self, List.self])
    }
}
