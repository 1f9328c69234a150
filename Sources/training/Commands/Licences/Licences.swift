import ArgumentParser

extension Training {
    /// `training licences ...`: e-learning licence pools.
    struct Licences: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "E-learning licences: buy pools, allocate, import usage, reclaim, figures.",
            subcommands: [Buy.self, Status.self, Quota.self, Allocate.self, ImportUsage.self, Reclaim.self, Figures.self])
    }
}
