import ArgumentParser
import Foundation
import Logging
import TrainingStore

/// The options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file.", valueName: "path"))
    var database: String?

    /// The file to use: --database, else $TRAINING_DATABASE, else ./training.sqlite.
    var path: String {
        database ?? ProcessInfo.processInfo.environment["TRAINING_DATABASE"] ?? "training.sqlite"
    }

    /// Who is making the change, for the audit log: $TRAINING_USER, else the login name.
    var actor: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["TRAINING_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "cli"
    }

    /// Opens the database (it must exist: `training init` creates it).
    func open() throws -> AppDatabase {
        Training.openedDatabase = path
        let database = try AppDatabase.open(path: path)
        let migrations = try database.appliedMigrations().count
        Logger(label: "training").debug("opened database", metadata: [
            "path": "\(path)", "actor": "\(actor)", "migrations": "\(migrations)",
        ])
        return database
    }
}
