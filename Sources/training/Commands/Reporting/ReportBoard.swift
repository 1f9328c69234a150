import ArgumentParser
import TrainingCore
import TrainingReports

extension Training.Report {
    /// `training report board`.
    struct Board: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The annual take-up and impact workbook, comparing a financial year with the one before.",
            discussion: """
                Sheets: Summary, Trends (the year and the four before it), Courses, Attendance by agency, Courses by \
                level, E-learning, Take-up, Charges, Evaluation & impact. A change in a percentage is in percentage \
                points ("+6 pts"). The file is written under a temporary name and moved into place when \
                complete, so an interrupted run leaves no half-written workbook.

                Example:
                  training report board --year 2025-26 --out Reports
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear
        @Option(help: "The folder to write to.") var out = "Reports"

        func run() throws {
            try Training.requireFolder(out)
            let path = try ProgressBar.during("Writing board workbook", fractions: { progress in
                try BoardWorkbook.write(year: year, from: options.open(), into: out, progress: progress)
            })
            print("Wrote \(path).")
        }
    }
}
