import Foundation
import GRDB
import TrainingCore

/// One line of a booking's history: when, what, and who (with whom they replaced, and any note).
public struct BookingHistoryEntry: Sendable, Equatable {
    public var at: Date
    public var kind: BookingEventKind
    public var detail: String
}

/// What happened to a booking request.
public struct BookingOutcome: Sendable, Equatable {
    public var booking: Booking
    public var placed: PlaceDecision
    /// Places in front on the waiting list (0 when confirmed).
    public var waitingPosition: Int
}

/// What a cancellation gives and costs: working days of notice and the charge, if any.
public struct CancellationTerms: Sendable, Equatable {
    public var notice: Int
    public var charge: ChargeAssessment?
}

/// What a cancellation did.
public struct CancellationOutcome: Sendable, Equatable {
    public var booking: Booking
    public var notice: Int
    public var charge: Charge?
    /// The waiting learner who took the freed place, if any.
    public var promoted: BookingLine?
}

extension AppDatabase {
    /// Books a learner onto a session: a confirmed place while places remain (and the agency is within any
    /// fair-share cap), else a place on the waiting list. One IMMEDIATE transaction, so however many
    /// bookers press the button at once, confirmed places never exceed capacity.
    @discardableResult
    public func book(session sessionId: Int64, learnerEmail: String, by actor: String,
                     overridePrerequisites: Bool = false) throws -> BookingOutcome {
        let email = try EmailAddress(learnerEmail, at: InputLocation(field: "learner"))
        return try write { db in
            try Self.book(session: sessionId, learner: email, by: actor, overridePrerequisites: overridePrerequisites, at: now(), in: db)
        }
    }

    /// Books several learners onto a session in one transaction, in the order given: all are booked or,
    /// if any cannot be, none is.
    @discardableResult
    public func book(session sessionId: Int64, learnerEmails: [String], by actor: String) throws -> [BookingOutcome] {
        let emails = try learnerEmails.map { try EmailAddress($0, at: InputLocation(field: "learner")) }
        return try write { db in
            let instant = now()
            return try emails.map { try Self.book(session: sessionId, learner: $0, by: actor, overridePrerequisites: false, at: instant, in: db) }
        }
    }

    static func book(session sessionId: Int64, learner email: EmailAddress, by actor: String, overridePrerequisites: Bool,
                     at instant: Date, in db: Database) throws -> BookingOutcome {
        let session = try Self.session(sessionId, in: db)
        let learner = try Self.learner(email, in: db)
        try Self.checkBookable(session, at: instant)
        try Self.checkNotBooked(learner, on: session, in: db)
        try Self.checkPrerequisites(of: learner, for: session, overriding: overridePrerequisites, actor: actor, at: instant, in: db)

        let confirmed = try Self.placesTaken(session.id!, in: db)
        // The agency's places matter only under a fair-share cap; counting them costs a look at every place.
        let agencyConfirmed = session.perAgencyCap == nil ? 0
            : try learner.agencyId.map { try Self.placesTaken(session.id!, agencyId: $0, in: db) } ?? 0
        let decision = PlaceDecision.decide(capacity: session.capacity, confirmed: confirmed,
                                            perAgencyCap: session.perAgencyCap, agencyConfirmed: agencyConfirmed)
        var booking = Booking(id: nil, sessionId: session.id!, learnerId: learner.id!, agencyId: learner.agencyId,
                              status: decision.status, bookedAt: instant, bookedBy: actor, cancelledAt: nil,
                              cancelledBy: nil, cancellationReason: nil, noticeWorkingDays: nil)
        try booking.insert(db)
        try db.recordBookingEvent(booking.id!, kind: decision == .confirmed ? .booked : .waitlisted, from: nil,
                                  to: booking.status, learnerId: learner.id, actor: actor, at: instant)
        try db.audit(decision == .confirmed ? "booking confirmed" : "booking waitlisted", entity: "booking",
                     id: booking.id!, actor: actor, at: instant, before: Booking?.none, after: booking)
        let position = decision == .confirmed ? 0 : try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status = 'waitlisted' AND id < ?
            """), arguments: [session.id, booking.id])!
        return BookingOutcome(booking: booking, placed: decision, waitingPosition: position)
    }

    static func learner(_ email: EmailAddress, in db: Database) throws -> Learner {
        guard let learner = try learner(withEmail: email.text, in: db) else {
            throw StoreError.notFound("no learner has the email \(email) (add them with `training learner add`)")
        }
        return learner
    }

    /// The learner with this email, if any: the lookup every booking, allocation and usage row makes.
    static func learner(withEmail email: String, in db: Database) throws -> Learner? {
        try Learner.fetchOne(db.cachedStatement(sql: "SELECT * FROM learner WHERE email = ?"), arguments: [email])
    }

    static func checkBookable(_ session: Session, at instant: Date) throws {
        switch session.status {
        case .cancelled: throw BookingRefusal.sessionCancelled
        case .delivered: throw BookingRefusal.sessionDelivered
        case .scheduled: break
        }
        if instant >= session.startsAt { throw BookingRefusal.sessionStarted }
        if let cutoff = session.bookingCutoffAt, instant > cutoff {
            throw BookingRefusal.afterCutoff(cutoff: LondonTime.format(cutoff))
        }
    }

    static func checkNotBooked(_ learner: Learner, on session: Session, in db: Database) throws {
        if let status = try String.fetchOne(db.cachedStatement(sql: """
            SELECT status FROM booking WHERE sessionId = ? AND learnerId = ? AND status <> 'cancelled'
            """), arguments: [session.id, learner.id]) {
            throw BookingRefusal.alreadyBooked(learner: learner.name, status: BookingStatus(rawValue: status) ?? .confirmed)
        }
    }

    /// A learner lacking a prerequisite (attended it, or completed it as e-learning) is refused unless the
    /// officer overrides, which is audited.
    static func checkPrerequisites(of learner: Learner, for session: Session, overriding: Bool, actor: String,
                                   at instant: Date, in db: Database) throws {
        let missing = try String.fetchAll(db.cachedStatement(sql: """
            SELECT c.title FROM coursePrerequisite p JOIN course c ON c.id = p.prerequisiteId
            WHERE p.courseId = ?
              AND NOT EXISTS (SELECT 1 FROM booking b JOIN session s ON s.id = b.sessionId
                              WHERE b.learnerId = ? AND b.status = 'attended' AND s.courseId = p.prerequisiteId)
              AND NOT EXISTS (SELECT 1 FROM licenceAllocation a
                              WHERE a.learnerId = ? AND a.status = 'completed' AND a.courseId = p.prerequisiteId)
            ORDER BY c.title
            """), arguments: [session.courseId, learner.id, learner.id])
        guard !missing.isEmpty else { return }
        guard overriding else { throw BookingRefusal.missingPrerequisites(missing) }
        try db.audit("prerequisites overridden", entity: "learner", id: learner.id!, actor: actor, at: instant,
                     before: ["missing": missing], after: ["session": String(session.id!)])
    }

    /// Places held on a session (confirmed, attended or marked absent), optionally for one agency.
    static func placesTaken(_ sessionId: Int64, agencyId: Int64? = nil, in db: Database) throws -> Int {
        var sql = "SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status IN ('confirmed', 'attended', 'did-not-attend')"
        var arguments: StatementArguments = [sessionId]
        if let agencyId {
            sql += " AND agencyId = ?"
            arguments += [agencyId]
        }
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)!
    }

    static func booking(_ id: Int64, in db: Database) throws -> Booking {
        guard let booking = try Booking.fetchOne(db, key: id) else {
            throw StoreError.notFound("there is no booking \(id)")
        }
        return booking
    }

    /// What cancelling a booking now would cost, shown to a booker before they confirm: the notice in
    /// working days and the charge the policy would raise (nil when none: enough notice, a waiting place,
    /// or no agency to charge). `at` is when the cancellation would be received (default now), as for
    /// `cancelBooking`; the CLI shows the same terms before it asks.
    public func cancellationPreview(_ id: Int64, at requested: Date? = nil, reason: String? = nil) throws -> CancellationTerms {
        try read { db in
            let booking = try Self.booking(id, in: db)
            let session = try Self.session(booking.sessionId, in: db)
            return try Self.cancellationTerms(of: booking, on: session, at: requested ?? now(), reason: reason, in: db)
        }
    }

    /// The notice a cancellation at `instant` gives and the charge it raises: one rule for the
    /// cancellation and for its preview.
    static func cancellationTerms(of booking: Booking, on session: Session, at instant: Date, reason: String?,
                                  in db: Database) throws -> CancellationTerms {
        let calendar = try Self.workingCalendar(db)
        let notice = calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: instant), sessionDate: session.startDate)
        guard booking.status == .confirmed, booking.agencyId != nil else {
            return CancellationTerms(notice: notice, charge: nil)
        }
        // A place that reached the learner from the waiting list: the notice it had then (the policy decides
        // whether a place given after the cut-off is charged for a late cancellation).
        let promotedAt = try Date.fetchOne(db.cachedStatement(sql: """
            SELECT at FROM bookingEvent WHERE bookingId = ? AND kind = 'promoted' ORDER BY id DESC LIMIT 1
            """), arguments: [booking.id])
        let promotedNotice = promotedAt.map { calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: $0), sessionDate: session.startDate) }
        return CancellationTerms(notice: notice, charge: try Self.chargingPolicy(db).lateCancellation(
            notice: notice, reason: reason, sessionMinutes: session.minutes, promotedWithNotice: promotedNotice))
    }

    /// Cancels a booking. A confirmed place cancelled with less notice than the policy's cut-off raises a
    /// charge on the booking's agency (zero, with the reason, when the reason is exempt); the freed place
    /// goes to the first learner waiting, in the same transaction, and their booker is told.
    /// `at` back-dates the cancellation (a phone call logged later); it defaults to now.
    @discardableResult
    public func cancelBooking(_ id: Int64, by actor: String, at requested: Date? = nil, reason: String? = nil) throws -> CancellationOutcome {
        try StoredText.check(reason, as: .reason, at: InputLocation(field: "--reason"), name: "the reason")
        return try write { db in
            let instant = now()
            let cancelledAt = requested ?? instant
            guard cancelledAt <= instant else {
                throw InputError("a cancellation cannot be dated in the future (\(LondonTime.format(cancelledAt)))", at: InputLocation(field: "--at"))
            }
            var booking = try Self.booking(id, in: db)
            let session = try Self.session(booking.sessionId, in: db)
            switch booking.status {
            case .cancelled: throw InputError("booking \(id) is already cancelled", at: InputLocation(field: "booking"))
            case .noPlaceCameUp:
                throw InputError("booking \(id) waited for a place that never came up; the waiting list is closed", at: InputLocation(field: "booking"))
            case .attended, .didNotAttend:
                throw InputError("booking \(id) is already marked on the register (\(booking.status.rawValue)); correct the register instead",
                                 at: InputLocation(field: "booking"))
            case .confirmed, .waitlisted: break
            }
            guard session.status == .scheduled else {
                throw InputError("session \(session.id!) is \(session.status.rawValue); its bookings cannot be cancelled", at: InputLocation(field: "booking"))
            }
            guard cancelledAt < session.startsAt else {
                throw InputError("session \(session.id!) had started by then; mark the learner absent on the register instead",
                                 at: InputLocation(field: "booking"))
            }
            guard StoredInstant.millisecond(of: cancelledAt) >= StoredInstant.millisecond(of: booking.bookedAt) else {
                throw InputError("a cancellation cannot be dated before the booking was made (\(LondonTime.format(booking.bookedAt)))",
                                 at: InputLocation(field: "--at"))
            }
            let wasConfirmed = booking.status == .confirmed
            let before = booking
            let terms = try Self.cancellationTerms(of: booking, on: session, at: cancelledAt, reason: reason, in: db)
            let notice = terms.notice
            booking.status = .cancelled
            booking.cancelledAt = cancelledAt
            booking.cancelledBy = actor
            booking.cancellationReason = reason?.nilIfBlank
            booking.noticeWorkingDays = notice
            try booking.update(db)
            try db.recordBookingEvent(id, kind: .cancelled, from: before.status, to: booking.status, learnerId: booking.learnerId,
                                      actor: actor, at: instant, note: reason?.nilIfBlank)
            try db.audit("booking cancelled", entity: "booking", id: id, actor: actor, at: instant, before: before, after: booking)

            var charge: Charge?
            // The terms carry a charge only for a confirmed place with an agency to charge.
            if let agencyId = booking.agencyId, let assessment = terms.charge {
                charge = try Self.raise(assessment, on: booking, agencyId: agencyId, by: actor, at: instant, raisedAt: cancelledAt, in: db)
            }
            let promoted = wasConfirmed ? try Self.promoteFromWaitingList(session, by: actor, at: instant, in: db) : nil
            return CancellationOutcome(booking: booking, notice: notice, charge: charge, promoted: promoted)
        }
    }

    /// Gives a free place to the first waiting learner whose agency is within any fair-share cap, and tells
    /// their booker. Nothing happens when no place is free or nobody is waiting.
    static func promoteFromWaitingList(_ session: Session, by actor: String, at instant: Date, in db: Database) throws -> BookingLine? {
        guard session.status == .scheduled, instant < session.startsAt,
              try placesTaken(session.id!, in: db) < session.capacity else { return nil }
        for line in try bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'waitlisted'", [session.id!])) {
            if let cap = session.perAgencyCap, let agencyId = line.booking.agencyId,
               try placesTaken(session.id!, agencyId: agencyId, in: db) >= cap { continue }
            return try moveWaitingPlace(line, of: session, to: .confirmed, event: .promoted, audit: "booking promoted from waiting list",
                                        notification: .promotedFromWaitlist, by: actor, at: instant, in: db) { title in
                "\(line.learnerName) has moved from the waiting list to a confirmed place on \(title), \(LondonTime.format(session.startsAt))."
            }
        }
        return nil
    }

    /// Puts another learner of the same agency in a booking's place, free of charge, up to the session's
    /// start. The booking keeps its place in the queue; its history records who was replaced.
    @discardableResult
    public func substitute(booking id: Int64, with newEmail: String, by actor: String, overridePrerequisites: Bool = false) throws -> Booking {
        let email = try EmailAddress(newEmail, at: InputLocation(field: "learner"))
        return try write { db in
            let instant = now()
            var booking = try Self.booking(id, in: db)
            guard [BookingStatus.confirmed, .waitlisted].contains(booking.status) else {
                throw InputError("booking \(id) is \(booking.status.rawValue); only a confirmed or waiting place can be substituted",
                                 at: InputLocation(field: "booking"))
            }
            let session = try Self.session(booking.sessionId, in: db)
            guard session.status == .scheduled, instant < session.startsAt else {
                throw InputError("session \(session.id!) has started or closed: substitutions are accepted up to the start",
                                 at: InputLocation(field: "booking"))
            }
            let replacement = try Self.learner(email, in: db)
            guard replacement.agencyId == booking.agencyId, booking.agencyId != nil else {
                let agency = try booking.agencyId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) }
                throw InputError("\(replacement.name) is not at \(agency ?? "the booking's agency"): a substitute must come from the same agency",
                                 at: InputLocation(field: "learner"))
            }
            try Self.checkNotBooked(replacement, on: session, in: db)
            try Self.checkPrerequisites(of: replacement, for: session, overriding: overridePrerequisites, actor: actor, at: instant, in: db)
            let before = booking
            booking.learnerId = replacement.id!
            try booking.update(db)
            try db.recordBookingEvent(id, kind: .substituted, from: booking.status, to: booking.status, learnerId: replacement.id,
                                      previousLearnerId: before.learnerId, actor: actor, at: instant)
            try db.audit("booking substituted", entity: "booking", id: id, actor: actor, at: instant, before: before, after: booking)
            return booking
        }
    }

    /// A session's waiting list, first come first served.
    public func waitingList(session id: Int64) throws -> [BookingLine] {
        try sessionDetails(id).waitingList
    }

    /// A booking's history, oldest first, with learners' names.
    public func bookingHistory(_ id: Int64) throws -> [BookingHistoryEntry] {
        try read { db in
            _ = try Self.booking(id, in: db)
            return try Row.fetchAll(db, sql: """
                SELECT e.at, e.kind, e.actor, e.note, l.name AS learner, p.name AS previous
                FROM bookingEvent e LEFT JOIN learner l ON l.id = e.learnerId LEFT JOIN learner p ON p.id = e.previousLearnerId
                WHERE e.bookingId = ? ORDER BY e.id
                """, arguments: [id]).map { row in
                var detail = "\(row["learner"] as String? ?? "?") by \(row["actor"] as String)"
                if let previous = row["previous"] as String? { detail = "\(previous) replaced by " + detail }
                if let note = row["note"] as String? { detail += " (\(note))" }
                return BookingHistoryEntry(at: row["at"], kind: try row.word("kind"), detail: detail)
            }
        }
    }

    /// Messages owed to bookers, oldest first.
    public func notifications() throws -> [Notification] {
        try read { try Notification.order(Column("id")).fetchAll($0) }
    }
}
