import ArgumentParser

extension Training {
    /// `training catalogue ...`: the course catalogue.
    struct Catalogue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and view the course catalogue.",
            subcommands: [Import.self, List.self, Show.self])
    }
}
