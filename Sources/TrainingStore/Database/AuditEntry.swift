import Foundation
import GRDB
import TrainingCore

/// One line of the audit log.
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable, FetchableRecord, TableRecord {
    public static let databaseTableName = "auditEntry"
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: String?
    public var before: String?
    public var after: String?
}
