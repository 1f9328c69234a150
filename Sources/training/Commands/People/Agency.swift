import ArgumentParser

extension Training {
    /// `training agency ...`: the partner agencies.
    struct AgencyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agency",
            abstract: "Add and list partner agencies and declare their workforce.",
            subcommands: [Add.self, List.self, Workforce.self, Requests.self])
    }
}
