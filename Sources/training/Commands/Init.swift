import ArgumentParser
import Foundation
import TrainingStore

extension Training {
    /// `training init`: creates the database file, or brings an existing one up to date.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database (or bring an existing one up to date).",
            discussion: """
                Examples:
                  training init
                  training init --database /srv/training/lscp.sqlite
                """)

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let existed = FileManager.default.fileExists(atPath: options.path)
            let before = existed ? (try AppDatabase.check(path: options.path)).pendingMigrations : []
            let database = try AppDatabase.open(path: options.path, create: true)
            let applied = try database.appliedMigrations()
            if !existed {
                print("Created \(options.path) (schema: \(applied.count) migrations).")
            } else if before.isEmpty {
                print("\(options.path) is already up to date.")
            } else {
                print("Brought \(options.path) up to date: applied \(before.joined(separator: ", ")).")
            }
        }
    }

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
