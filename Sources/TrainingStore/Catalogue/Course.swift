import Foundation
import GRDB
import TrainingCore

/// A course of the catalogue as stored (outcomes and prerequisites are in their own tables).
public struct Course: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var title: String
    public var level: CourseLevel
    public var delivery: DeliveryMode
    public var durationMinutes: Int
    public var defaultCapacity: Int
    public var minimumNumbers: Int
    public var refresherMonths: Int?
    public var summary: String
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date
}

extension Course: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "course"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public enum Columns {
        public static let title = Column(CodingKeys.title)
        public static let level = Column(CodingKeys.level)
    }
}
