import ArgumentParser
import TrainingCore
import TrainingReports

extension Training.Report {
    /// `training report compliance`.
    struct ComplianceReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compliance",
            abstract: "An agency's compliance workbook: every member of staff, every course they have done, and what is due again.",
            discussion: """
                One row per member of staff, with when each course was last done and, for a course with a refresher
                interval, when it is due again; a sheet of those due within 90 days or overdue; and a count by course.
                As at today. Without an agency, one workbook of every agency's staff.

                Examples:
                  training report compliance "Calderdale Council" --out Reports
                  training report compliance
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The agency (every agency when left out).") var agency: String?
        @Option(help: "The folder to write to.") var out = "Reports"

        func run() throws {
            try Training.requireFolder(out)
            let path = try ProgressBar.during("Writing compliance workbook", fractions: { progress in
                try ComplianceWorkbook.write(agencyName: agency, from: options.open(), into: out, progress: progress)
            })
            print("Wrote \(path).")
        }
    }
}
