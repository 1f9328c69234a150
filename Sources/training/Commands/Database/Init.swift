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
}
