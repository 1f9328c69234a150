import ArgumentParser
import Foundation
import TrainingImport

extension Training.Import {
    /// `training import evaluations`.
    struct Evaluations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import historical evaluations from CSV.",
            discussion: """
                Columns: \((EvaluationFile.requiredColumns + EvaluationFile.optionalColumns).joined(separator: ",")). \
                session_ref is the session's reference or number. Rows matching no attended booking are written, \
                with their line and reason, to FILE.rejects.csv. Importing the same file twice changes nothing.

                Example:
                  training import evaluations evaluations-2015.csv
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String

        func run() throws {
            let rows = try EvaluationFile.read(URL(fileURLWithPath: file), displayName: file)
            let database = try options.open()
            let summary = try ProgressBar.during("Importing evaluations", fractions: { progress in
                try database.importEvaluations(rows, by: options.actor, progress: progress)
            })
            print("Evaluations imported from \(file): \(summary.added) added, \(summary.unchanged) unchanged, \(summary.rejected.count) rejected.")
            let byLine = Dictionary(uniqueKeysWithValues: rows.map { ($0.line, $0) })
            try RejectsFile.replace(beside: file, columns: ["session_ref", "learner_email"], rows: summary.rejected.map {
                ($0.line, [byLine[$0.line]?.sessionReference ?? "", byLine[$0.line]?.learnerEmail ?? ""], $0.reason)
            })
        }
    }
}
