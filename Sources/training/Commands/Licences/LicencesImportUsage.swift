import ArgumentParser
import Foundation
import TrainingImport

extension Training.Licences {
    /// `training licences import-usage`.
    struct ImportUsage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-usage",
            abstract: "Apply a supplier's progress CSV: email,module,started_on,completed_on.",
            discussion: """
                Extra columns are ignored; dates are YYYY-MM-DD or DD/MM/YYYY. Importing the same file again \
                changes nothing. Rows that match no learner or allocation are written, with their line and \
                reason, to FILE.rejects.csv beside the input.

                Example:
                  training licences import-usage progress-2025-10.csv
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let rows = try UsageFile.read(URL(fileURLWithPath: file), displayName: file)
            let summary = try options.open().importUsage(rows, by: options.actor)
            print("Usage imported from \(file): \(summary.started) started, \(summary.completed) completed, \(summary.unchanged) unchanged, \(summary.rejected.count) rejected.")
            try RejectsFile.replace(beside: file, columns: ["email", "module"],
                                    rows: summary.rejected.map { ($0.line, [$0.row.email, $0.row.module], $0.reason.description) })
        }
    }
}
