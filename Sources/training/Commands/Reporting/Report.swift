import ArgumentParser

extension Training {
    /// `training report ...`: the board's workbooks.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the board's workbooks (XLSX).",
            subcommands: [Board.self, QuarterReturn.self, AgencyReport.self, ComplianceReport.self])
    }
}
