import Foundation
import GRDB
import TrainingCore

/// One booking as the export lists it.
public struct BookingExportRow: Sendable, Equatable {
    public var bookingId: Int64
    public var sessionId: Int64
    public var sessionReference: String?
    public var courseTitle: String
    public var level: String
    public var sessionStart: Date
    public var learnerName: String
    public var learnerEmail: String?
    public var agencyName: String?
    public var sector: String?
    public var status: String
    public var bookedAt: Date
    public var cancelledAt: Date?
    public var noticeWorkingDays: Int?
}

extension AppDatabase {
    /// Calls `body` with every booking on sessions held in the period (of one agency's staff, when
    /// `agencyName` is given), in session order, reading them one at a time from a cursor so that memory
    /// stays flat however many there are.
    public func forEachBooking(period: some ReportingPeriod, agencyName: String? = nil, _ body: (BookingExportRow) throws -> Void) throws {
        try read { db in
            var filter = SQLFilter("s.startDate BETWEEN ? AND ?", [period.firstDay, period.lastDay])
            if let agencyName {
                filter.add("b.agencyId = ?", [try Self.agency(named: agencyName, in: db, at: InputLocation(field: "agency")).id])
            }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT b.id, b.sessionId, s.reference, c.title, c.level, s.startsAt, l.name, l.email, a.name AS agency, a.sector,
                       b.status, b.bookedAt, b.cancelledAt, b.noticeWorkingDays
                FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
                JOIN learner l ON l.id = b.learnerId LEFT JOIN agency a ON a.id = b.agencyId
                WHERE \(filter.clause)
                ORDER BY s.startsAt, s.id, b.id
                """, arguments: filter.arguments)
            while let row = try rows.next() {
                try body(BookingExportRow(bookingId: row[0], sessionId: row[1], sessionReference: row[2], courseTitle: row[3], level: row[4],
                                          sessionStart: row[5], learnerName: row[6], learnerEmail: row[7], agencyName: row[8], sector: row[9],
                                          status: row[10], bookedAt: row[11], cancelledAt: row[12], noticeWorkingDays: row[13]))
            }
        }
    }
}
