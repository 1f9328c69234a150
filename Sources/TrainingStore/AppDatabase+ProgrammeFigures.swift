import Foundation
import GRDB
import TrainingCore

/// Sessions held and cancelled (DOMAIN.md, "Courses held", "% cancelled").
public struct HeldAndCancelled: Sendable, Equatable {
    public var held = 0
    public var cancelled = 0
    /// cancelled ÷ (held + cancelled), or nil when there were none.
    public var cancelledShare: Double? { held + cancelled == 0 ? nil : Double(cancelled) / Double(held + cancelled) }

    public init(held: Int = 0, cancelled: Int = 0) {
        self.held = held
        self.cancelled = cancelled
    }
}

/// The programme's sessions in a financial year.
public struct CourseFigures: Sendable, Equatable {
    public var total = HeldAndCancelled()
    public var byLevel: [CourseLevel: HeldAndCancelled] = [:]
    /// By how each session was delivered (which may differ from its course's usual mode).
    public var byDelivery: [DeliveryMode: HeldAndCancelled] = [:]
    public var cancellationsByReason: [SessionCancelReason: Int] = [:]

    public init() {}
}

/// Attendance of one agency (or of bookings with no agency recorded) in a year.
public struct AgencyAttendance: Sendable, Equatable {
    /// nil: "Agency not recorded".
    public var agencyName: String?
    public var sector: String?
    public var attended: Int

    public init(agencyName: String?, sector: String?, attended: Int) {
        self.agencyName = agencyName
        self.sector = sector
        self.attended = attended
    }
}

extension AppDatabase {
    /// Sessions delivered and cancelled whose start falls in the year, overall and by level, delivery and
    /// cancellation reason. Sessions still scheduled are neither.
    public func courseFigures(year: FinancialYear) throws -> CourseFigures {
        try writer.read { db in
            var figures = CourseFigures()
            for row in try Row.fetchAll(db, sql: """
                SELECT c.level, s.delivery, s.status, s.cancelReason, COUNT(*) AS n
                FROM session s JOIN course c ON c.id = s.courseId
                WHERE s.startDate BETWEEN ? AND ? AND s.status IN ('delivered', 'cancelled')
                GROUP BY c.level, s.delivery, s.status, s.cancelReason
                """, arguments: [year.firstDay, year.lastDay]) {
                let n: Int = row["n"]
                let level = CourseLevel(rawValue: row["level"])!, delivery = DeliveryMode(rawValue: row["delivery"])!
                if (row["status"] as String) == SessionStatus.delivered.rawValue {
                    figures.total.held += n
                    figures.byLevel[level, default: HeldAndCancelled()].held += n
                    figures.byDelivery[delivery, default: HeldAndCancelled()].held += n
                } else {
                    figures.total.cancelled += n
                    figures.byLevel[level, default: HeldAndCancelled()].cancelled += n
                    figures.byDelivery[delivery, default: HeldAndCancelled()].cancelled += n
                    let reason = (row["cancelReason"] as String?).flatMap(SessionCancelReason.init(rawValue:)) ?? .other
                    figures.cancellationsByReason[reason, default: 0] += n
                }
            }
            return figures
        }
    }

    /// Bookings marked attended on sessions held in the year, counted against the agency recorded on each
    /// booking; those with none are one line with a nil name, so the lines add up to the total. Every agency
    /// is listed, with 0 when nobody attended.
    public func attendanceByAgency(year: FinancialYear) throws -> [AgencyAttendance] {
        try writer.read { db in
            var lines = try Row.fetchAll(db, sql: """
                SELECT a.name, a.sector, COUNT(b.id) AS attended
                FROM agency a LEFT JOIN (
                    SELECT b.id, b.agencyId FROM booking b JOIN session s ON s.id = b.sessionId
                    WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
                ) b ON b.agencyId = a.id
                GROUP BY a.id ORDER BY a.sector, a.name COLLATE NOCASE
                """, arguments: [year.firstDay, year.lastDay]).map {
                AgencyAttendance(agencyName: $0["name"], sector: $0["sector"], attended: $0["attended"])
            }
            let unrecorded = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM booking b JOIN session s ON s.id = b.sessionId
                WHERE b.status = 'attended' AND b.agencyId IS NULL AND s.startDate BETWEEN ? AND ?
                """, arguments: [year.firstDay, year.lastDay])!
            if unrecorded > 0 { lines.append(AgencyAttendance(agencyName: nil, sector: nil, attended: unrecorded)) }
            return lines
        }
    }
}
