import Foundation
import GRDB
import TrainingCore

/// What the officer asks for when scheduling a session. Nil fields take the course's defaults.
public struct SessionPlan: Sendable {
    public var courseTitle: String
    public var start: Date
    public var end: Date
    public var delivery: DeliveryMode?
    public var venue: String?
    public var onlineURL: String?
    public var trainer: String?
    public var capacity: Int?
    public var minimumNumbers: Int?
    public var perAgencyCap: Int?
    /// When bookings close; nil: when the session starts.
    public var bookingCutoff: Date?

    public init(courseTitle: String, start: Date, end: Date, delivery: DeliveryMode? = nil, venue: String? = nil,
                onlineURL: String? = nil, trainer: String? = nil, capacity: Int? = nil, minimumNumbers: Int? = nil,
                perAgencyCap: Int? = nil, bookingCutoff: Date? = nil) {
        self.courseTitle = courseTitle
        self.start = start
        self.end = end
        self.delivery = delivery
        self.venue = venue
        self.onlineURL = onlineURL
        self.trainer = trainer
        self.capacity = capacity
        self.minimumNumbers = minimumNumbers
        self.perAgencyCap = perAgencyCap
        self.bookingCutoff = bookingCutoff
    }
}

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
    /// Schedules a session of an active course. Times are instants (the CLI reads them in Europe/London).
    /// With `refusingConcerns` a start in the past, at a weekend or on a bank holiday is refused, naming
    /// each (`WorkingCalendar.schedulingConcerns`); the CLI asks so unless told `--anyway`.
    @discardableResult
    public func scheduleSession(_ plan: SessionPlan, by actor: String, refusingConcerns: Bool = false) throws -> Session {
        try StoredText.check(plan.venue, as: .venue, at: InputLocation(field: "--venue"), name: "the venue")
        try StoredText.check(plan.onlineURL, as: .venue, at: InputLocation(field: "--online"), name: "the online link")
        try StoredText.check(plan.trainer, as: .name, at: InputLocation(field: "--trainer"), name: "the trainer")
        return try write { db in
            let instant = now()
            guard let course = try Course.filter(Course.Columns.title == plan.courseTitle.trimmingCharacters(in: .whitespaces)).fetchOne(db) else {
                throw StoreError.notFound("no course is titled '\(plan.courseTitle)' (see `training catalogue list`)")
            }
            guard course.isActive else {
                throw InputError("the course '\(course.title)' is retired: sessions cannot be scheduled for it", at: InputLocation(field: "course"))
            }
            guard plan.end > plan.start else {
                throw InputError("the session ends (\(LondonTime.format(plan.end))) \(plan.end == plan.start ? "at the same time as" : "before") it starts (\(LondonTime.format(plan.start)))",
                                 at: InputLocation(field: "--end"))
            }
            if refusingConcerns {
                let concerns = try Self.workingCalendar(db).schedulingConcerns(start: plan.start, now: instant)
                if !concerns.isEmpty {
                    throw InputError("not scheduled: \(concerns.map(\.description).joined(separator: "; ")) — give --anyway to schedule it all the same",
                                     at: InputLocation(field: "--start"))
                }
            }
            let capacity = plan.capacity ?? course.defaultCapacity
            guard capacity > 0 else { throw InputError("capacity must be at least 1", at: InputLocation(field: "--capacity")) }
            let minimum = plan.minimumNumbers ?? min(course.minimumNumbers, capacity)
            guard (0...capacity).contains(minimum) else {
                throw InputError("minimum numbers (\(minimum)) must be between 0 and the capacity (\(capacity))", at: InputLocation(field: "--min"))
            }
            if let cap = plan.perAgencyCap, cap < 1 {
                throw InputError("a per-agency cap must be at least 1", at: InputLocation(field: "--agency-cap"))
            }
            if let cutoff = plan.bookingCutoff, cutoff > plan.start {
                throw InputError("bookings cannot close after the session starts", at: InputLocation(field: "--cutoff"))
            }
            var session = Session(
                id: nil, courseId: course.id!, reference: nil, startsAt: plan.start, endsAt: plan.end,
                startDate: LondonTime.date(of: plan.start), delivery: plan.delivery ?? course.delivery,
                venue: plan.venue?.nilIfBlank, onlineURL: plan.onlineURL?.nilIfBlank, trainer: plan.trainer?.nilIfBlank,
                capacity: capacity, minimumNumbers: minimum, perAgencyCap: plan.perAgencyCap, bookingCutoffAt: plan.bookingCutoff,
                status: .scheduled, cancelReason: nil, cancelNote: nil, cancelledAt: nil,
                deliveredAt: nil, createdAt: instant)
            try session.insert(db)
            try db.audit("session scheduled", entity: "session", id: session.id!, actor: actor, at: instant,
                         before: Session?.none, after: session)
            return session
        }
    }

    /// Sessions, earliest first, filtered by financial year (of the start), course and status.
    public func sessions(year: FinancialYear? = nil, courseTitle: String? = nil, status: SessionStatus? = nil) throws -> [SessionSummary] {
        try read { db in
            var filter = SQLFilter()
            if let year { filter.add("s.startDate BETWEEN ? AND ?", [year.firstDay, year.lastDay]) }
            if let courseTitle { filter.add("c.title = ?", [courseTitle.trimmingCharacters(in: .whitespaces)]) }
            if let status { filter.add("s.status = ?", [status.rawValue]) }
            return try Self.summaries(db, filter)
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
                           level: CourseLevel(rawValue: row["courseLevel"])!,
                           confirmed: row["confirmedCount"], waitlisted: row["waitlistedCount"],
                           attended: row["attendedCount"], didNotAttend: row["didNotAttendCount"])
        }
    }

    /// A session with its places, waiting list and cancellations.
    public func sessionDetails(_ id: Int64) throws -> SessionDetails {
        try read { db in
            guard let summary = try Self.summaries(db, SQLFilter("s.id = ?", [id])).first else {
                throw StoreError.notFound("there is no session \(id) (see `training session list`)")
            }
            let lines = try Self.bookingLines(db, SQLFilter("b.sessionId = ?", [id]))
            return SessionDetails(
                summary: summary,
                places: lines.filter { $0.booking.status.takesAPlace },
                waitingList: lines.filter { $0.booking.status == .waitlisted },
                cancelled: lines.filter { $0.booking.status == .cancelled },
                waitingListClosed: lines.filter { $0.booking.status == .noPlaceCameUp })
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
            throw StoreError.notFound("there is no session \(id) (see `training session list`)")
        }
        return session
    }

    /// The partnership cancels a session: every live booking on it is released with no charge, charges
    /// already raised for late cancellations of it are reversed (or credited, if invoiced), and each booker is told.
    /// A session whose register has marks took place and cannot be cancelled. Returns the bookings released,
    /// then the waiting places closed (now "no place came up").
    @discardableResult
    public func cancelSession(_ id: Int64, reason: SessionCancelReason, note: String?, by actor: String) throws -> [BookingLine] {
        try StoredText.check(note, as: .note, at: InputLocation(field: "--note"), name: "the note")
        return try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            switch session.status {
            case .cancelled: throw InputError("session \(id) is already cancelled", at: InputLocation(field: "session"))
            case .delivered: throw InputError("session \(id) has been delivered and cannot be cancelled", at: InputLocation(field: "session"))
            case .scheduled: break
            }
            let marked = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status IN ('attended', 'did-not-attend')",
                                          arguments: [id])!
            guard marked == 0 else {
                throw InputError("session \(id) has \(marked) \(marked == 1 ? "learner" : "learners") marked on its register, so it took place: it cannot be cancelled (correct the register instead)",
                                 at: InputLocation(field: "session"))
            }
            let before = session
            session.status = .cancelled
            session.cancelReason = reason
            session.cancelNote = note?.nilIfBlank
            session.cancelledAt = instant
            try session.update(db)
            let title = try String.fetchOne(db, sql: "SELECT title FROM course WHERE id = ?", arguments: [session.courseId])!
            let released = try Self.bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'confirmed'", [id]))
            for line in released {
                var booking = line.booking
                let from = booking.status
                booking.status = .cancelled
                booking.cancelledAt = instant
                booking.cancelledBy = actor
                booking.cancellationReason = "session cancelled by the partnership (\(reason.rawValue))"
                try booking.update(db)
                try db.recordBookingEvent(booking.id!, kind: .sessionCancelled, from: from, to: booking.status,
                                          learnerId: booking.learnerId, actor: actor, at: instant, note: reason.rawValue)
                var notification = Notification(
                    id: nil, bookingId: booking.id, sessionId: id, recipient: Self.recipient(of: line), kind: .sessionCancelled,
                    message: "\(title) on \(LondonTime.format(session.startsAt)) has been cancelled (\(reason.rawValue)); \(line.learnerName)'s place is released with no charge.",
                    createdAt: instant, sentAt: nil)
                try notification.insert(db)
            }
            // Waiting places are not released but closed: no place came up (RegisterRules.closingWaitingList).
            let closed = try Self.closeWaitingList(of: session, because: "cancelled (\(reason.rawValue))", by: actor, at: instant, in: db)
            // No charge where the partnership cancelled the session (DOMAIN.md, "Charging policy"): one not yet
            // invoiced is reversed; one already invoiced is credited in full, and the booker is told.
            let raised = try Charge.fetchAll(db, sql: """
                SELECT ch.* FROM charge ch JOIN booking b ON b.id = ch.bookingId
                WHERE b.sessionId = ? AND ch.reversedAt IS NULL ORDER BY ch.id
                """, arguments: [id])
            for charge in raised {
                let outcome = try Self.withdraw(charge, cause: .sessionCancelled,
                                                reason: CreditRule.reason(for: .sessionCancelled, sessionCancelReason: reason.rawValue),
                                                auditAction: "charge reversed: the partnership cancelled the session", by: actor, at: instant, in: db)
                guard let credit = outcome.credit else { continue }
                // A charge's booking cannot be deleted (ON DELETE RESTRICT).
                let line = try Self.bookingLines(db, SQLFilter("b.id = ?", [charge.bookingId])).first!
                // A credit note's invoice cannot be deleted (ON DELETE RESTRICT).
                let invoice = try Int.fetchOne(db, sql: "SELECT number FROM invoice WHERE id = ?", arguments: [credit.invoiceId])!
                var notification = Notification(
                    id: nil, bookingId: charge.bookingId, sessionId: id, recipient: Self.recipient(of: line), kind: .chargeCredited,
                    message: "\(title) on \(LondonTime.format(session.startsAt)) has been cancelled by the partnership, so the \(Pence(charge.amountPence)) charge for \(line.learnerName)'s place on invoice \(invoice) is credited in full by credit note \(credit.shownNumber).",
                    createdAt: instant, sentAt: nil)
                try notification.insert(db)
            }
            try db.audit("session cancelled", entity: "session", id: id, actor: actor, at: instant, before: before, after: session)
            return released + closed
        }
    }

    /// Changes a session's number of places. It cannot go below the places already held; when it goes up,
    /// learners waiting are promoted, first come first served, in the same transaction (and told).
    /// Returns the learners promoted.
    @discardableResult
    public func setCapacity(of id: Int64, to capacity: Int, by actor: String) throws -> [BookingLine] {
        try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            guard session.status == .scheduled else {
                throw InputError("session \(id) is \(session.status.rawValue): its places can no longer change", at: InputLocation(field: "session"))
            }
            let taken = try Self.placesTaken(id, in: db)
            guard capacity >= max(1, taken) else {
                throw InputError("session \(id) already has \(taken) places taken: the capacity cannot go below that (cancel bookings first)",
                                 at: InputLocation(field: "capacity"))
            }
            guard capacity != session.capacity else { return [] }
            let before = session
            session.capacity = capacity
            session.minimumNumbers = min(session.minimumNumbers, capacity)
            try session.update(db)
            try db.audit("session capacity changed", entity: "session", id: id, actor: actor, at: instant, before: before, after: session)
            var promoted: [BookingLine] = []
            while let line = try Self.promoteFromWaitingList(session, by: actor, at: instant, in: db) { promoted.append(line) }
            return promoted
        }
    }

    /// Closes a delivered session and invites everyone who attended to evaluate it (and, later, to a
    /// follow-up). Refused while any confirmed place is unmarked on the register.
    public func deliverSession(_ id: Int64, by actor: String) throws {
        try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            guard session.status == .scheduled else {
                throw InputError("session \(id) is \(session.status.rawValue), not scheduled", at: InputLocation(field: "session"))
            }
            guard session.startsAt <= instant else {
                throw InputError("session \(id) has not started yet (\(LondonTime.format(session.startsAt)))", at: InputLocation(field: "session"))
            }
            let unmarked = try Self.bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'confirmed'", [id]))
            guard unmarked.isEmpty else {
                // An erased learner's place has no email: it is named, and marked, by its booking number.
                let names = unmarked.map { $0.learnerEmail ?? "\($0.learnerName), booking \($0.booking.id!)" }.joined(separator: ", ")
                let byBooking = unmarked.contains { $0.learnerEmail == nil } ? " (`--booking N` for a place with no email)" : ""
                throw InputError("the register is not complete: \(unmarked.count) confirmed \(unmarked.count == 1 ? "place is" : "places are") not marked (\(names)); use `training attend`\(byBooking)",
                                 at: InputLocation(field: "session"))
            }
            let before = session
            session.status = .delivered
            session.deliveredAt = instant
            try session.update(db)
            try Self.closeWaitingList(of: session, because: "delivered", by: actor, at: instant, in: db)
            try Self.createInvitations(forSession: session, deliveredOn: LondonTime.date(of: instant), at: instant, in: db)
            try db.audit("session delivered", entity: "session", id: id, actor: actor, at: instant, before: before, after: session)
        }
    }

    /// Who is told about a booking: the person who made it, else the learner's agency.
    static func recipient(of line: BookingLine) -> String {
        line.booking.bookedBy ?? line.agencyName.map { "agency: \($0)" } ?? "officer"
    }
}
