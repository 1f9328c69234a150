import Foundation
import GRDB
import TrainingCore

/// A message owed to a booker.
public struct Notification: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "notification"
    public var id: Int64?
    public var bookingId: Int64?
    public var sessionId: Int64?
    public var recipient: String
    public var kind: NotificationKind
    public var message: String
    public var createdAt: Date
    public var sentAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
