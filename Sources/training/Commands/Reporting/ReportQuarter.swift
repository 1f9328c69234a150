import ArgumentParser
import TrainingCore
import TrainingReports

extension Training.Report {
    /// `training report quarter`.
    struct QuarterReturn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quarter",
            abstract: "The quarterly return: Summary, Courses, E-learning and Take-up for one quarter, against the same quarter a year earlier.",
            discussion: """
                Example:
                  training report quarter 2025-26-Q2 --out Reports
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The quarter, e.g. 2025-26-Q2.", transform: Quarter.argument) var quarter: Quarter
        @Option(help: "The folder to write to.") var out = "Reports"

        func run() throws {
            try Training.requireFolder(out)
            let path = try ProgressBar.during("Writing quarterly return", fractions: { progress in
                try BoardWorkbook.writeQuarterly(quarter: quarter, from: options.open(), into: out, progress: progress)
            })
            print("Wrote \(path).")
        }
    }
}
