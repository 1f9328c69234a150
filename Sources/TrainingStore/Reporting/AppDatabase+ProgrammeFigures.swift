import Foundation
import GRDB
import TrainingCore

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
    /// nil with the agency.
    public var sector: Sector?
    public var attended: Int

    public init(agencyName: String?, sector: Sector?, attended: Int) {
        self.agencyName = agencyName
        self.sector = sector
        self.attended = attended
    }
}

extension AppDatabase {
    /// Counted by the agency's id, then named: the year's bookings are grouped once, not joined to a name each.
    /// The year's bookings are reached through its sessions (`CROSS JOIN` fixes that order in SQLite): left to
    /// itself SQLite walked every attended booking of every year in agency order to spare the grouping a sort,
    /// 1 s instead of 0.04 s on the large demo.
    static func attendanceByAgency(period year: some ReportingPeriod, in db: Database) throws -> [AgencyAttendance] {
        var attended: [Int64?: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT b.agencyId, COUNT(*) AS attended FROM session s CROSS JOIN booking b ON b.sessionId = s.id
            WHERE b.status = 'attended' AND s.startDate BETWEEN ? AND ?
            GROUP BY b.agencyId
            """, arguments: [year.firstDay, year.lastDay]) {
            attended[row["agencyId"] as Int64?] = row["attended"]
        }
        var lines = try Row.fetchAll(db, sql: "SELECT id, name, sector FROM agency ORDER BY sector, name COLLATE NOCASE").map {
            AgencyAttendance(agencyName: $0["name"], sector: try $0.word("sector"), attended: attended[$0["id"] as Int64?] ?? 0)
        }
        if let unrecorded = attended[nil] { lines.append(AgencyAttendance(agencyName: nil, sector: nil, attended: unrecorded)) }
        return lines
    }
}

/// One course's delivered sessions in a year.
public struct CourseDelivery: Sendable, Equatable {
    public var title: String
    public var level: CourseLevel
    public var sessionsDelivered: Int
    public var placesOffered: Int
    /// Places taken on the day: attended plus did not attend.
    public var booked: Int
    public var attended: Int
    public var didNotAttend: Int
    /// booked ÷ places offered.
    public var fillRate: Double? { placesOffered == 0 ? nil : Double(booked) / Double(placesOffered) }

    public init(title: String, level: CourseLevel, sessionsDelivered: Int, placesOffered: Int, booked: Int, attended: Int, didNotAttend: Int) {
        self.title = title
        self.level = level
        self.sessionsDelivered = sessionsDelivered
        self.placesOffered = placesOffered
        self.booked = booked
        self.attended = attended
        self.didNotAttend = didNotAttend
    }
}


/// One agency's charges raised in a year.
public struct AgencyCharges: Sendable, Equatable {
    public var agencyName: String
    public var lateCancellations: Int
    public var nonAttendances: Int
    /// Everything raised, exemptions at £0 included, reversals excluded.
    public var raised: Pence
    public var waived: Pence
    public var invoiced: Pence
    /// Given back by credit notes after invoicing (the charges raised in the period that were credited).
    public var credited: Pence

    /// What remains owed: raised, less waived and credited.
    public var payable: Pence { raised - waived - credited }

    public init(agencyName: String, lateCancellations: Int, nonAttendances: Int, raised: Pence, waived: Pence, invoiced: Pence,
                credited: Pence = .zero) {
        self.agencyName = agencyName
        self.lateCancellations = lateCancellations
        self.nonAttendances = nonAttendances
        self.raised = raised
        self.waived = waived
        self.invoiced = invoiced
        self.credited = credited
    }
}


extension AppDatabase {
    /// The latest session start, booking or charge.
    static let latestActivitySQL = """
        SELECT MAX(at) FROM (SELECT MAX(startsAt) AS at FROM session UNION ALL SELECT MAX(bookedAt) FROM booking
                             UNION ALL SELECT MAX(raisedAt) FROM charge)
        """
}

extension StoreReading {
    /// Sessions delivered and cancelled whose start falls in the year, overall and by level, delivery and
    /// cancellation reason. Sessions still scheduled are neither.
    public func courseFigures(period year: some ReportingPeriod) throws -> CourseFigures {
        try read { db in
            var figures = CourseFigures()
            for row in try Row.fetchAll(db, sql: """
                SELECT c.level, s.delivery, s.status, s.cancelReason, COUNT(*) AS n
                FROM session s JOIN course c ON c.id = s.courseId
                WHERE s.startDate BETWEEN ? AND ? AND s.status IN ('delivered', 'cancelled')
                GROUP BY c.level, s.delivery, s.status, s.cancelReason
                """, arguments: [year.firstDay, year.lastDay]) {
                let n: Int = row["n"]
                let level: CourseLevel = try row.word("level"), delivery: DeliveryMode = try row.word("delivery")
                let status: SessionStatus = try row.word("status")
                figures.total.add(n, standing: status)
                figures.byLevel[level, default: HeldAndCancelled()].add(n, standing: status)
                figures.byDelivery[delivery, default: HeldAndCancelled()].add(n, standing: status)
                if status == .cancelled {
                    let reason: SessionCancelReason = try row.optionalWord("cancelReason") ?? .other
                    figures.cancellationsByReason[reason, default: 0] += n
                }
            }
            return figures
        }
    }

    /// Bookings marked attended on sessions held in the year, counted against the agency recorded on each
    /// booking; those with none are one line with a nil name, so the lines add up to the total. Every agency
    /// is listed, with 0 when nobody attended.
    public func attendanceByAgency(period year: some ReportingPeriod) throws -> [AgencyAttendance] {
        try read { db in try AppDatabase.attendanceByAgency(period: year, in: db) }
    }

    /// Every course with a session delivered in the year, by level then title.
    public func courseDeliveries(period year: some ReportingPeriod) throws -> [CourseDelivery] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.title, c.level, COUNT(*) AS sessions, SUM(s.capacity) AS places,
                    SUM(x.attended) AS attended, SUM(x.absent) AS absent
                FROM session s JOIN course c ON c.id = s.courseId
                JOIN (SELECT s2.id,
                        (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s2.id AND b.status = 'attended') AS attended,
                        (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s2.id AND b.status = 'did-not-attend') AS absent
                      FROM session s2) x ON x.id = s.id
                WHERE s.status = 'delivered' AND s.startDate BETWEEN ? AND ?
                GROUP BY c.id
                """, arguments: [year.firstDay, year.lastDay]).map { row in
                let attended: Int = row["attended"], absent: Int = row["absent"]
                return CourseDelivery(title: row["title"], level: try row.word("level"), sessionsDelivered: row["sessions"],
                                      placesOffered: row["places"], booked: attended + absent, attended: attended, didNotAttend: absent)
            }.sorted { ($0.level, $0.title.lowercased()) < ($1.level, $1.title.lowercased()) }
        }
    }

    /// Charges raised in the year for every agency, 0 where none (those reversed by a register correction are left out).
    public func chargesByAgency(period year: some ReportingPeriod) throws -> [AgencyCharges] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.name,
                    COALESCE(SUM(ch.kind = 'late-cancellation'), 0) AS late, COALESCE(SUM(ch.kind = 'non-attendance'), 0) AS absent,
                    COALESCE(SUM(ch.amountPence), 0) AS raised,
                    COALESCE(SUM(CASE WHEN ch.waivedAt IS NOT NULL THEN ch.amountPence ELSE 0 END), 0) AS waived,
                    COALESCE(SUM(CASE WHEN ch.invoiceId IS NOT NULL THEN ch.amountPence ELSE 0 END), 0) AS invoiced,
                    COALESCE(SUM(cn.amountPence), 0) AS credited
                FROM agency a LEFT JOIN charge ch
                    ON ch.agencyId = a.id AND ch.reversedAt IS NULL AND ch.raisedOn BETWEEN ? AND ?
                LEFT JOIN creditNote cn ON cn.chargeId = ch.id
                GROUP BY a.id ORDER BY a.name COLLATE NOCASE
                """, arguments: [year.firstDay, year.lastDay]).map {
                AgencyCharges(agencyName: $0["name"], lateCancellations: $0["late"], nonAttendances: $0["absent"],
                              raised: Pence($0["raised"]), waived: Pence($0["waived"]), invoiced: Pence($0["invoiced"]),
                              credited: Pence($0["credited"]))
            }
        }
    }

    /// The latest moment anything in the programme happened (a session's start, a booking, a charge), used
    /// to date generated files from the data rather than the clock.
    public func latestActivity() throws -> Date? {
        try read { db in try Date.fetchOne(db, sql: AppDatabase.latestActivitySQL) }
    }

    /// The earlier of `limit` and `latestActivity()`: once a session is known to start at or after `limit`,
    /// that is the answer without reading every booking for the latest (a workbook of a past year is dated
    /// at the year's end).
    public func latestActivity(notAfter limit: Date) throws -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: """
                SELECT CASE WHEN (SELECT MAX(startsAt) FROM session) >= :limit THEN :limit
                            ELSE MIN(:limit, (\(AppDatabase.latestActivitySQL))) END
                """, arguments: ["limit": StoredInstant(limit)])
        }
    }
}
