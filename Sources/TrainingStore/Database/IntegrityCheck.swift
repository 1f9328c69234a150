import Foundation
import GRDB

/// What `training check` found in a database file.
public struct IntegrityReport: Sendable, Equatable {
    /// Each problem in plain words; empty when the file is sound.
    public var problems: [String]
    /// Migrations this version knows that the file has not had yet (applied when it is next opened).
    public var pendingMigrations: [String]
    public var isSound: Bool { problems.isEmpty }
}

extension AppDatabase {
    /// Checks a database file without changing it: SQLite's `integrity_check` (pages, indexes, constraints),
    /// `foreign_key_check` (every reference points at a row), and the schema version.
    public static func check(path: String) throws -> IntegrityReport {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path: path) }
        var problems: [String] = []
        var pending: [String] = []
        do {
            var configuration = configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(100)")
                if integrity != ["ok"] {
                    problems += integrity.map { "integrity: \($0)" }
                }
                let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
                for row in orphans.prefix(100) {
                    let table: String = row[0]
                    let rowid: Int64? = row[1]
                    let parent: String = row[2]
                    problems.append("foreign key: row \(rowid.map(String.init) ?? "?") of \(table) refers to a missing \(parent)")
                }
                if orphans.count > 100 { problems.append("foreign key: \(orphans.count - 100) more broken references") }
                let migrator = Schema.migrator
                if try db.tableExists("grdb_migrations") {
                    let applied = try migrator.appliedIdentifiers(db)
                    let unknown = applied.subtracting(migrator.migrations)
                    if !unknown.isEmpty {
                        problems.append("written by a newer version of training (unknown changes: \(unknown.sorted().joined(separator: ", ")))")
                    }
                    pending = migrator.migrations.filter { !applied.contains($0) }
                } else {
                    problems.append("not a training database: it has no schema version (another program's SQLite file, or one never initialised)")
                }
            }
        } catch let error as DatabaseError {
            problems.append("SQLite cannot read the file: \(error.message ?? "\(error.resultCode)")")
        }
        return IntegrityReport(problems: problems, pendingMigrations: pending)
    }
}
