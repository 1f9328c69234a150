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
    public var delivery: DeliveryMode
    public var venue: String?
    public var onlineURL: String?
    public var trainer: String?
    public var capacity: Int
    public var minimumNumbers: Int
    public var perAgencyCap: Int?
    public var bookingCutoffAt: Date?
    public var status: SessionStatus
    public var cancelReason: SessionCancelReason?
    public var cancelNote: String?
    public var cancelledAt: Date?
    public var deliveredAt: Date?
    public var createdAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Length in whole minutes, which sets the place fee.
    public var minutes: Int { Int(endsAt.timeIntervalSince(startsAt) / 60) }
}

extension Session {
    /// When the session takes bookings, as BookingRules reads it.
    public var bookingWindow: BookingWindow {
        BookingWindow(sessionStatus: status, startsAt: startsAt, cutoff: bookingCutoffAt)
    }

    /// A booking's place on this session, as the rules on changing a place read it.
    public func place(of booking: Booking) throws -> PlaceOnSession {
        PlaceOnSession(booking: try booking.storedID, status: booking.status, session: try storedID, sessionStatus: status, startsAt: startsAt)
    }
}
