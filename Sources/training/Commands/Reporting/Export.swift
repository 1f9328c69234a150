import ArgumentParser

extension Training {
    /// `training export ...`: records written to XLSX.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export records to XLSX.",
            subcommands: [Bookings.self])
    }
}
