import ArgumentParser
import TrainingCore
import TrainingReports

extension Training.Report {
    /// `training report agency`.
    struct AgencyReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agency",
            abstract: "One agency's own workbook: its bookings, attendance, charges and take-up in a year.",
            discussion: """
                Example:
                  training report agency "Calderdale Council" --year 2025-26 --out Reports
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The agency.") var agency: String
        @Option(help: "The financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear
        @Option(help: "The folder to write to.") var out = "Reports"

        func run() throws {
            try Training.requireFolder(out)
            let path = try ProgressBar.during("Writing agency workbook", fractions: { progress in
                try AgencyWorkbook.write(agencyName: agency, year: year, from: options.open(), into: out, progress: progress)
            })
            print("Wrote \(path).")
        }
    }
}
