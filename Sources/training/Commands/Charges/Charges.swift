import ArgumentParser

extension Training {
    /// `training charges ...`.
    struct Charges: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, waive and credit charges.",
            subcommands: [List.self, Waive.self, Credit.self])
    }
}
