import ArgumentParser

extension Training {
    /// `training invoices ...`.
    struct Invoices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Raise, list and show agencies' invoices.",
            subcommands: [Raise.self, List.self, Show.self])
    }
}
