import Foundation
import GRDB
import TrainingCore

/// One booking as its agency's booker sees it.
public struct AgencyBooking: Sendable, Equatable {
    public var id: Int64
    public var sessionId: Int64
    public var courseTitle: String
    public var level: CourseLevel
    public var startsAt: Date
    public var endsAt: Date
    public var venue: String?
    public var sessionStatus: SessionStatus
    public var learnerName: String
    public var learnerEmail: String?
    public var status: BookingStatus
    public var bookedAt: Date
    public var bookedBy: String?
    public var cancelledAt: Date?

    /// The place, as the rules on cancelling it or passing it to a substitute read it.
    public var place: PlaceOnSession {
        PlaceOnSession(booking: id, status: status, session: sessionId, sessionStatus: sessionStatus, startsAt: startsAt)
    }
}

extension AppDatabase {
    /// The columns an `AgencyBooking` is read from, and the tables they come from.
    static let agencyBookingColumns = """
        b.id, b.sessionId, c.title, c.level, s.startsAt, s.endsAt, COALESCE(s.venue, s.onlineURL) AS venue, s.status AS sessionStatus,
        l.name, l.email, b.status, b.bookedAt, b.bookedBy, b.cancelledAt
        """
    static let agencyBookingTables = "booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId JOIN learner l ON l.id = b.learnerId"

    static func agencyBookings(where condition: String, _ arguments: StatementArguments, in db: Database) throws -> [AgencyBooking] {
        try Row.fetchAll(db, sql: """
            SELECT \(agencyBookingColumns)
            FROM \(agencyBookingTables)
            WHERE \(condition)
            ORDER BY s.startsAt, l.name
            """, arguments: arguments).map(agencyBooking)
    }

    static func agencyBooking(_ row: Row) throws -> AgencyBooking {
        AgencyBooking(id: row["id"], sessionId: row["sessionId"], courseTitle: row["title"], level: try row.word("level"), startsAt: row["startsAt"],
                      endsAt: row["endsAt"], venue: row["venue"], sessionStatus: try row.word("sessionStatus"), learnerName: row["name"],
                      learnerEmail: row["email"], status: try row.word("status"), bookedAt: row["bookedAt"], bookedBy: row["bookedBy"],
                      cancelledAt: row["cancelledAt"])
    }
}

extension StoreReading {
    /// Every booking made under one agency, in session order (then by name). Nothing of any other agency.
    public func agencyBookings(agencyId: Int64) throws -> [AgencyBooking] {
        try read { try AppDatabase.agencyBookings(where: "b.agencyId = ?", [agencyId], in: $0) }
    }

    /// One booking, only if it was made under this agency: nil otherwise, so another agency's booking
    /// cannot be told apart from one that does not exist.
    public func agencyBooking(_ id: Int64, agencyId: Int64) throws -> AgencyBooking? {
        try read { try AppDatabase.agencyBookings(where: "b.id = ? AND b.agencyId = ?", [id, agencyId], in: $0).first }
    }

    /// Whether the learner with this email is on the agency's staff list.
    public func isStaff(email: String, agencyId: Int64) throws -> Bool {
        try read { db in
            try Learner.filter(Learner.Columns.email == email.trimmingCharacters(in: .whitespaces) && Learner.Columns.agencyId == agencyId)
                .fetchCount(db) == 1
        }
    }
}
