import Foundation
import GRDB
import TrainingCore

/// The training database: the single source of truth (DOMAIN.md, "The files a user touches").
///
/// Callers express intentions (`importCatalogue`, `addAgency`, ...); each intention is one write
/// transaction, so a command either happens whole or not at all. No other module writes SQL.
public struct AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Commits the writes of every handle on this database, several at a time when they arrive together.
    let committer: GroupCommit
    /// Where the file is (":memory:" for tests), for messages.
    public let path: String
    /// The clock, injectable so tests can stand on a fixed day.
    let now: @Sendable () -> Date
    /// The transaction this handle's calls join, inside `inOneTransaction`; nil: each call is its own.
    let transaction: OpenTransaction?

    init(_ writer: any DatabaseWriter, path: String, now: @escaping @Sendable () -> Date) throws {
        self.writer = writer
        committer = GroupCommit(writer)
        self.path = path
        self.now = now
        self.transaction = nil
        try migrate()
    }

    /// A handle on the same database whose calls join `transaction`.
    init(joining transaction: OpenTransaction, of database: AppDatabase) {
        writer = database.writer
        committer = database.committer
        path = database.path
        now = database.now
        self.transaction = transaction
    }

    /// Brings the schema up to date, after refusing a file that a newer version has written.
    private func migrate() throws {
        let migrator = Schema.migrator
        let known = Set(migrator.migrations)
        let applied = try writer.read { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(known)
        if !unknown.isEmpty {
            throw StoreError.writtenByNewerVersion(path: path, unknownMigrations: unknown.sorted())
        }
        try migrator.migrate(writer)
    }

    /// Closes the file: the write-ahead log is checkpointed into it, so the file is whole on its own.
    /// Nothing may use this value afterwards.
    public func close() throws {
        if let pool = writer as? DatabasePool { try DatabaseFailure.translating { try pool.close() } }
    }

    /// The migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try DatabaseFailure.translating { try writer.read { try Schema.migrator.appliedIdentifiers($0) } }.sorted()
    }

    /// Every migration this version knows, oldest first.
    public static var knownMigrations: [String] { Schema.migrationIdentifiers }
}

extension Database {
    /// Records who changed what. `before` and `after` are encoded as JSON objects; nil means "did not exist".
    func audit<Before: Encodable, After: Encodable>(
        _ action: AuditAction, entity: AuditedEntity, id: (any CustomStringConvertible)?, actor: String, at instant: Date,
        before: Before?, after: After?
    ) throws {
        try cachedStatement(sql: """
            INSERT INTO auditEntry (at, actor, action, entity, entityId, before, after)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [StoredInstant(instant), actor, action.rawValue, entity.rawValue, id?.description, before.map(jsonText), after.map(jsonText)])
    }
}

/// Sorted-key JSON, so an audit entry reads the same however it was produced.
func jsonText<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self)
}

extension LocalDate: DatabaseValueConvertible {
    /// Stored as `YYYY-MM-DD` text.
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        guard let text = String.fromDatabaseValue(dbValue) else { return nil }
        return try? LocalDate.parse(text)
    }
}
