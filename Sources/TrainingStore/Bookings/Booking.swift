import Foundation
import GRDB
import TrainingCore

/// A learner's place on a session.
public struct Booking: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "booking"
    public var id: Int64?
    public var sessionId: Int64
    public var learnerId: Int64
    public var agencyId: Int64?
    public var status: BookingStatus
    public var bookedAt: Date
    public var bookedBy: String?
    public var cancelledAt: Date?
    public var cancelledBy: String?
    public var cancellationReason: String?
    public var noticeWorkingDays: Int?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Database {
    /// Appends to a booking's history.
    func recordBookingEvent(_ bookingId: Int64, kind: BookingEventKind, from: BookingStatus?, to: BookingStatus?, learnerId: Int64?,
                            previousLearnerId: Int64? = nil, actor: String, at instant: Date, note: String? = nil) throws {
        try cachedStatement(sql: """
            INSERT INTO bookingEvent (bookingId, at, kind, fromStatus, toStatus, learnerId, previousLearnerId, actor, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [bookingId, StoredInstant(instant), kind.rawValue, from?.rawValue, to?.rawValue, learnerId, previousLearnerId, actor, note])
    }
}
