import Foundation
import GRDB
import TrainingCore

/// A session with its course and how full it is.
public struct SessionSummary: Sendable, Equatable {
    public var session: Session
    public var courseTitle: String
    public var level: CourseLevel
    public var confirmed: Int
    public var waitlisted: Int
    public var attended: Int
    public var didNotAttend: Int
    /// Places held: confirmed, attended or marked absent.
    public var placesTaken: Int { confirmed + attended + didNotAttend }
    public var placesLeft: Int { max(0, session.capacity - placesTaken) }
}

/// One line of a session's bookings, waiting list or register.
public struct BookingLine: Sendable, Equatable {
    public var booking: Booking
    public var learnerName: String
    public var learnerEmail: String?
    public var agencyName: String?
}

/// A session with everyone booked on it.
public struct SessionDetails: Sendable, Equatable {
    public var summary: SessionSummary
    /// Confirmed, attended and did-not-attend places, in booking order.
    public var places: [BookingLine]
    /// The waiting list, first come first served.
    public var waitingList: [BookingLine]
    /// Cancelled bookings, for the record.
    public var cancelled: [BookingLine]
    /// Waiting places closed when the session was delivered or cancelled: no place came up.
    public var waitingListClosed: [BookingLine] = []
}

extension AppDatabase {
    /// Schedules a session of an active course (SchedulingRules). Times are instants (a shell reads them in
    /// Europe/London). With `refusingConcerns` a start in the past, at a weekend or on a bank holiday is
    /// refused, naming each (`WorkingCalendar.schedulingConcerns`), unless the officer goes ahead.
    @discardableResult
    public func scheduleSession(_ plan: SessionPlan, by actor: String, refusingConcerns: Bool = false) throws -> Session {
        try StoredText.check(plan.venue, as: .venue, at: InputLocation(input: .venue), name: "the venue")
        try StoredText.check(plan.onlineURL, as: .venue, at: InputLocation(input: .onlineLink), name: "the online link")
        try StoredText.check(plan.trainer, as: .name, at: InputLocation(input: .trainer), name: "the trainer")
        return try write { db in
            let instant = now()
            let course = try Self.course(titled: plan.courseTitle, in: db)
            let defaults = CourseDefaults(title: course.title, isActive: course.isActive, delivery: course.delivery,
                                          capacity: course.defaultCapacity, minimumNumbers: course.minimumNumbers)
            let concerns = refusingConcerns ? try Self.workingCalendar(db).schedulingConcerns(start: plan.start, now: instant) : []
            let checked = try SchedulingRules.check(plan, of: defaults, concerns: concerns)
            var session = Session(
                id: nil, courseId: try course.storedID, reference: nil, startsAt: plan.start, endsAt: plan.end,
                startDate: LondonTime.date(of: plan.start), delivery: checked.delivery,
                venue: plan.venue?.nilIfBlank, onlineURL: plan.onlineURL?.nilIfBlank, trainer: plan.trainer?.nilIfBlank,
                capacity: checked.capacity, minimumNumbers: checked.minimumNumbers, perAgencyCap: plan.perAgencyCap, bookingCutoffAt: plan.bookingCutoff,
                status: .scheduled, cancelReason: nil, cancelNote: nil, cancelledAt: nil,
                deliveredAt: nil, createdAt: instant)
            try session.insert(db)
            try db.audit(.sessionScheduled, entity: .session, id: session.storedID, actor: actor, at: instant,
                         before: Session?.none, after: session)
            return session
        }
    }

    static func summaries(_ db: Database, _ filter: SQLFilter) throws -> [SessionSummary] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.*, c.title AS courseTitle, c.level AS courseLevel,
                (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status = 'confirmed') AS confirmedCount,
                (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status = 'waitlisted') AS waitlistedCount,
                (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status = 'did-not-attend') AS didNotAttendCount,
                (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status = 'attended') AS attendedCount
            FROM session s JOIN course c ON c.id = s.courseId
            WHERE \(filter.clause)
            ORDER BY s.startsAt, s.id
            """), arguments: filter.arguments)
        return try rows.map { row in
            SessionSummary(session: try Session(row: row), courseTitle: row["courseTitle"],
                           level: try row.word("courseLevel"),
                           confirmed: row["confirmedCount"], waitlisted: row["waitlistedCount"],
                           attended: row["attendedCount"], didNotAttend: row["didNotAttendCount"])
        }
    }

    static func bookingLines(_ db: Database, _ filter: SQLFilter) throws -> [BookingLine] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT b.*, l.name AS learnerName, l.email AS learnerEmail, a.name AS agencyName
            FROM booking b JOIN learner l ON l.id = b.learnerId LEFT JOIN agency a ON a.id = b.agencyId
            WHERE \(filter.clause)
            ORDER BY b.bookedAt, b.id
            """), arguments: filter.arguments).map { row in
            BookingLine(booking: try Booking(row: row), learnerName: row["learnerName"], learnerEmail: row["learnerEmail"],
                        agencyName: row["agencyName"])
        }
    }

    static func session(_ id: Int64, in db: Database) throws -> Session {
        guard let session = try Session.fetchOne(db.cachedStatement(sql: "SELECT * FROM session WHERE id = ?"), arguments: [id]) else {
            throw UnknownSession(id)
        }
        return session
    }

    /// The title of the session's course.
    static func courseTitle(of session: Session, in db: Database) throws -> String {
        // A session's course cannot be deleted (its foreign key).
        try String.fetchOne(db.cachedStatement(sql: "SELECT title FROM course WHERE id = ?"), arguments: [session.courseId])
            .required("course \(session.courseId), of session \(session.id.map(String.init) ?? "?"),")
    }

    /// Who is told about a booking: the person who made it, else the learner's agency.
    static func recipient(of line: BookingLine) -> String {
        line.booking.bookedBy ?? line.agencyName.map { "agency: \($0)" } ?? "officer"
    }
}

extension StoreReading {
    /// Sessions, earliest first, filtered by financial year (of the start), course and status.
    public func sessions(year: FinancialYear? = nil, courseTitle: String? = nil, status: SessionStatus? = nil) throws -> [SessionSummary] {
        try read { db in
            var filter = SQLFilter()
            if let year { filter.add("s.startDate BETWEEN ? AND ?", [year.firstDay, year.lastDay]) }
            if let courseTitle { filter.add("c.title = ?", [courseTitle.trimmingCharacters(in: .whitespaces)]) }
            if let status { filter.add("s.status = ?", [status.rawValue]) }
            return try AppDatabase.summaries(db, filter)
        }
    }

    /// A session with its places, waiting list and cancellations.
    public func sessionDetails(_ id: Int64) throws -> SessionDetails {
        try read { db in
            guard let summary = try AppDatabase.summaries(db, SQLFilter("s.id = ?", [id])).first else { throw UnknownSession(id) }
            let lines = try AppDatabase.bookingLines(db, SQLFilter("b.sessionId = ?", [id]))
            return SessionDetails(
                summary: summary,
                places: lines.filter { $0.booking.status.takesAPlace },
                waitingList: lines.filter { $0.booking.status == .waitlisted },
                cancelled: lines.filter { $0.booking.status == .cancelled },
                waitingListClosed: lines.filter { $0.booking.status == .noPlaceCameUp })
        }
    }
}
