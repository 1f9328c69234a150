import ArgumentParser
import TrainingStore

extension Training {
    /// `training restore FILE`.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the database with a backup, keeping the replaced one beside it.",
            discussion: """
                The backup is checked first: a damaged file, a file that is not a training database, or one written \
                by a newer version of training is refused and nothing changes. The database it replaces is kept as \
                NAME.replaced-YYYYMMDD-HHMMSS.sqlite beside it. Stop `training serve` before restoring.

                Example:
                  training restore backups/training-2026-03-31.sqlite --database training.sqlite
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The backup file to restore.") var file: String

        func run() throws {
            let report = try AppDatabase.restore(from: file, into: options.path)
            if let kept = report.replacedKeptAt { print("The database it replaced is kept as \(kept).") }
            print("Restored \(file) into \(report.path): \(report.learners) learners, \(report.sessions) sessions, "
                  + "\(report.bookings) bookings. The restored database passed the integrity check.")
        }
    }
}
