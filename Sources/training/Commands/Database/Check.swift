import ArgumentParser
import TrainingStore

extension Training {
    /// `training check`: is the file sound?
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that the database file is sound (SQLite integrity and foreign keys).",
            discussion: """
                Changes nothing. Exits 0 when the file is sound, 1 when it is damaged.

                Example:
                  training check --database lscp.sqlite
                """)

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let report = try AppDatabase.check(path: options.path)
            guard report.isSound else {
                for problem in report.problems { print("  - \(problem)") }
                Training.fail("\(options.path) is damaged: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found (above); restore it from a backup")
            }
            print("\(options.path) is sound: integrity check passed and every reference points at a row.")
            if !report.pendingMigrations.isEmpty {
                print("It will be brought up to date when next opened (\(report.pendingMigrations.joined(separator: ", "))).")
            }
        }
    }
}
