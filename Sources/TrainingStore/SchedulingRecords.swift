import Foundation
import GRDB
import TrainingCore

/// One scheduled run of a course.
public struct Session: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "session"
    public var id: Int64?
    public var courseId: Int64
    public var reference: String?
    public var startsAt: Date
    public var endsAt: Date
    public var startDate: LocalDate
    public var delivery: String
    public var venue: String?
    public var onlineURL: String?
    public var trainer: String?
    public var capacity: Int
    public var minimumNumbers: Int
    public var perAgencyCap: Int?
    public var bookingCutoffAt: Date?
    public var status: String
    public var cancelReason: String?
    public var cancelNote: String?
    public var cancelledAt: Date?
    public var deliveredAt: Date?
    public var createdAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Length in whole minutes, which sets the place fee.
    public var minutes: Int { Int(endsAt.timeIntervalSince(startsAt) / 60) }
}


/// A learner's place on a session.
public struct Booking: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "booking"
    public var id: Int64?
    public var sessionId: Int64
    public var learnerId: Int64
    public var agencyId: Int64?
    public var status: String
    public var bookedAt: Date
    public var bookedBy: String?
    public var cancelledAt: Date?
    public var cancelledBy: String?
    public var cancellationReason: String?
    public var noticeWorkingDays: Int?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}


/// A fee raised on an agency.
public struct Charge: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "charge"
    public var id: Int64?
    public var bookingId: Int64
    public var agencyId: Int64
    public var learnerId: Int64?
    public var kind: String
    public var amountPence: Int
    public var feePence: Int
    public var percent: Int
    public var noticeWorkingDays: Int?
    public var rule: String
    public var exemptReason: String?
    public var raisedAt: Date
    public var raisedOn: LocalDate
    public var waivedAt: Date?
    public var waivedBy: String?
    public var waiverReason: String?
    public var reversedAt: Date?
    public var invoiceId: Int64?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Still owed: not waived, not reversed, not exempt.
    public var isPayable: Bool { waivedAt == nil && reversedAt == nil && exemptReason == nil && amountPence > 0 }
}

/// An agency's invoice for a quarter's charges.
public struct Invoice: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "invoice"
    public var id: Int64?
    public var number: Int
    public var agencyId: Int64
    public var financialYear: Int
    public var quarter: Int
    public var totalPence: Int
    public var raisedAt: Date
    public var raisedBy: String

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A message owed to a booker.
public struct Notification: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "notification"
    public var id: Int64?
    public var bookingId: Int64?
    public var sessionId: Int64?
    public var recipient: String
    public var kind: String
    public var message: String
    public var createdAt: Date
    public var sentAt: Date?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Database {
    /// Appends to a booking's history.
    func recordBookingEvent(_ bookingId: Int64, kind: String, from: String?, to: String?, learnerId: Int64?,
                            previousLearnerId: Int64? = nil, actor: String, at instant: Date, note: String? = nil) throws {
        try cachedStatement(sql: """
            INSERT INTO bookingEvent (bookingId, at, kind, fromStatus, toStatus, learnerId, previousLearnerId, actor, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [bookingId, StoredInstant(instant), kind, from, to, learnerId, previousLearnerId, actor, note])
    }
}
