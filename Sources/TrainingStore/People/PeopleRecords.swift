import Foundation
import GRDB
import TrainingCore

/// A partner agency as stored.
public struct Agency: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var name: String
    public var sector: Sector
    public var isStatutoryPartner: Bool
    public var billingContact: String?
    public var createdAt: Date
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
    /// The team within the agency (migration 16-learner-team); nil when not recorded. Last, and left out of an
    /// audit entry's JSON when nil, so a learner without one is recorded as before.
    public var team: String? = nil
}

extension Learner: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "learner"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public enum Columns {
        public static let name = Column(CodingKeys.name)
        public static let email = Column(CodingKeys.email)
        public static let agencyId = Column(CodingKeys.agencyId)
        public static let team = Column(CodingKeys.team)
    }
}
