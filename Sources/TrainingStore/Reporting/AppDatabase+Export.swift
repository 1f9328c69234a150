import Foundation
import GRDB
import TrainingCore

/// One booking as the export lists it.
public struct BookingExportRow: Sendable, Equatable {
    public var bookingId: Int64
    public var sessionId: Int64
    public var sessionReference: String?
    public var courseTitle: String
    public var level: CourseLevel
    public var sessionStart: Date
    public var learnerName: String
    public var learnerEmail: String?
    public var agencyName: String?
    /// nil for a booking with no agency recorded.
    public var sector: Sector?
    public var status: BookingStatus
    public var bookedAt: Date
    public var cancelledAt: Date?
    public var noticeWorkingDays: Int?
}

extension StoreReading {
    /// Calls `body` with every booking on sessions held in the period (of one agency's staff, when
    /// `agencyName` is given), in session order, reading them one at a time from a cursor so that memory
    /// stays flat however many there are. The sessions are read in order first and then each one's bookings
    /// by id, so the rows flow from the start: one query ordering a year's 200,000 bookings had SQLite sort
    /// them all before the first came out.
    public func forEachBooking(period: some ReportingPeriod, agencyName: String? = nil, _ body: (BookingExportRow) throws -> Void) throws {
        try read { db in
            let sessions = try Row.fetchAll(db, sql: """
                SELECT s.id, s.reference, c.title, c.level, s.startsAt FROM session s JOIN course c ON c.id = s.courseId
                WHERE s.startDate BETWEEN ? AND ?
                ORDER BY s.startsAt, s.id
                """, arguments: [period.firstDay, period.lastDay])
            let agencyId = try agencyName.map { try AppDatabase.agency(named: $0, in: db, at: InputLocation(field: "agency")).id }
            let bookings = try db.makeStatement(sql: """
                SELECT b.id, l.name, l.email, a.name AS agency, a.sector, b.status, b.bookedAt, b.cancelledAt, b.noticeWorkingDays
                FROM booking b JOIN learner l ON l.id = b.learnerId LEFT JOIN agency a ON a.id = b.agencyId
                WHERE b.sessionId = ?\(agencyId == nil ? "" : " AND b.agencyId = ?")
                ORDER BY b.id
                """)
            for session in sessions {
                let sessionId: Int64 = session[0], reference: String? = session[1], title: String = session[2], level: CourseLevel = try session.word(at: 3)
                let start: Date = session[4]
                let arguments: StatementArguments = agencyId.map { [sessionId, $0] } ?? [sessionId]
                let rows = try Row.fetchCursor(bookings, arguments: arguments)
                while let row = try rows.next() {
                    try body(BookingExportRow(bookingId: row[0], sessionId: sessionId, sessionReference: reference, courseTitle: title,
                                              level: level, sessionStart: start, learnerName: row[1], learnerEmail: row[2],
                                              agencyName: row[3], sector: try row.optionalWord(at: 4), status: try row.word(at: 5), bookedAt: row[6], cancelledAt: row[7],
                                              noticeWorkingDays: row[8]))
                }
            }
        }
    }
}
