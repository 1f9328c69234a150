import ArgumentParser
import TrainingCore
import TrainingReports

extension Training.Export {
    /// `training export bookings`.
    struct Bookings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every booking on sessions held in a financial year, one row each, written with constant memory.",
            discussion: """
                The file holds learners' names and emails: keep it as you keep the database. With --to-year, \
                every year from --year to it, one after another. A sheet holds 1,048,575 bookings; any more go on \
                to a next sheet under the same header.

                Example:
                  training export bookings --year 2025-26 --out Reports
                  training export bookings --year 2021-22 --to-year 2025-26 --out Reports
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear
        @Option(help: "The last year of a run of years, e.g. 2025-26; without it, --year alone.", transform: FinancialYear.argument)
        var toYear: FinancialYear?
        @Option(help: "The folder to write to.") var out = "Reports"

        func run() throws {
            try Training.requireFolder(out)
            let (path, rows) = try ProgressBar.during("Exporting") { bar in
                try BookingExport.write(year: year, through: toYear, from: options.open(), into: out) { done in
                    bar.update(count: done, of: "bookings")
                }
            }
            print("Wrote \(path) (\(rows) bookings).")
        }
    }
}
