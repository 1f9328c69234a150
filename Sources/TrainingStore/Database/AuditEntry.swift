import Foundation
import GRDB
import TrainingCore

/// One line of the audit log.
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable, FetchableRecord, TableRecord {
    public static let databaseTableName = "auditEntry"
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: AuditAction
    public var entity: AuditedEntity
    public var entityId: String?
    public var before: String?
    public var after: String?
}

extension AuditEntry {
    /// Read column by column, so an action or entity this version does not write is an `UnknownStoredWord`
    /// naming the column, as a record's status is.
    public init(row: Row) throws {
        id = row["id"]
        at = row["at"]
        actor = row["actor"]
        action = try row.word("action")
        entity = try row.word("entity")
        entityId = row["entityId"]
        before = row["before"]
        after = row["after"]
    }
}
