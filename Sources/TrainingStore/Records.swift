import Foundation
import GRDB
import TrainingCore

/// A partner agency as stored.
public struct Agency: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var name: String
    public var sector: String
    public var isStatutoryPartner: Bool
    public var billingContact: String?
    public var createdAt: Date

    public var sectorValue: Sector? { Sector(rawValue: sector) }
}

extension Agency: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "agency"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public enum Columns {
        public static let name = Column(CodingKeys.name)
        public static let sector = Column(CodingKeys.sector)
    }
}

/// A learner as stored. `email` is nil only once the learner has been anonymised.
public struct Learner: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var name: String
    public var email: String?
    public var agencyId: Int64?
    public var jobRole: String?
    public var createdAt: Date
    public var anonymisedAt: Date?
}

extension Learner: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "learner"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public enum Columns {
        public static let name = Column(CodingKeys.name)
        public static let email = Column(CodingKeys.email)
        public static let agencyId = Column(CodingKeys.agencyId)
    }
}

/// A course of the catalogue as stored (outcomes and prerequisites are in their own tables).
public struct Course: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var title: String
    public var level: String
    public var delivery: String
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
