import ArgumentParser

extension Training {
    /// `training settings ...`.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the partnership's settings.",
            subcommands: [Show.self, Set.self])
    }
}
