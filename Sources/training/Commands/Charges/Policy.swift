import ArgumentParser

extension Training {
    /// `training policy ...`: the charging policy.
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the charging policy.",
            subcommands: [Show.self, Set.self])
    }
}
