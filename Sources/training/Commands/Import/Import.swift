import ArgumentParser

extension Training {
    /// `training import ...`: data from a previous system.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring in data from a previous system.",
            subcommands: [History.self, Evaluations.self])
    }
}
