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

extension AppDatabase {
    /// Books a learner onto a session: a confirmed place while places remain (and the agency is within any
    /// fair-share cap), else a place on the waiting list (BookingRules). One IMMEDIATE transaction, so
    /// however many bookers press the button at once, confirmed places never exceed capacity.
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

    /// Reads the facts of the booking, asks BookingRules, and writes the place, its history and the audit.
    static func book(session sessionId: Int64, learner email: EmailAddress, by actor: String, overridePrerequisites: Bool,
                     at instant: Date, in db: Database) throws -> BookingOutcome {
        let session = try Self.session(sessionId, in: db)
        let learner = try Self.learner(email, in: db)
        // The agency's places matter only under a fair-share cap; counting them costs a look at every place.
        let agencyPlacesTaken = session.perAgencyCap == nil ? 0
            : try learner.agencyId.map { try Self.placesTaken(sessionId, agencyId: $0, in: db) } ?? 0
        let facts = BookingFacts(
            window: session.bookingWindow,
            learner: try Self.learnerOnSession(learner, session, overridingPrerequisites: overridePrerequisites, in: db),
            capacity: session.capacity, placesTaken: try Self.placesTaken(sessionId, in: db), perAgencyCap: session.perAgencyCap,
            agencyPlacesTaken: agencyPlacesTaken)
        let decision = try BookingRules.decide(facts, at: instant)
        try Self.auditOverride(decision.overriddenPrerequisites, of: learner, for: session, by: actor, at: instant, in: db)

        var booking = Booking(id: nil, sessionId: sessionId, learnerId: try learner.storedID, agencyId: learner.agencyId,
                              status: decision.place.status, bookedAt: instant, bookedBy: actor, cancelledAt: nil,
                              cancelledBy: nil, cancellationReason: nil, noticeWorkingDays: nil)
        try booking.insert(db)
        let confirmed = decision.place == .confirmed
        try db.recordBookingEvent(booking.storedID, kind: confirmed ? .booked : .waitlisted, from: nil,
                                  to: booking.status, learnerId: learner.id, actor: actor, at: instant)
        try db.audit(confirmed ? .bookingConfirmed : .bookingWaitlisted, entity: .booking,
                     id: booking.storedID, actor: actor, at: instant, before: Booking?.none, after: booking)
        let position = confirmed ? 0 : try db.count(cachedSQL: """
            SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status = 'waitlisted' AND id < ?
            """, arguments: [sessionId, booking.id])
        try Self.owePlaceMessage(confirmed ? .placeConfirmed : .waitingListPlace, for: booking, to: learner, in: db)
        return BookingOutcome(booking: booking, placed: decision.place, waitingPosition: position)
    }

    static func learner(_ email: EmailAddress, in db: Database) throws -> Learner {
        guard let learner = try learner(withEmail: email.text, in: db) else { throw UnknownLearner(email: email.text) }
        return learner
    }

    /// The learner with this email, if any: the lookup every booking, allocation and usage row makes.
    static func learner(withEmail email: String, in db: Database) throws -> Learner? {
        try Learner.fetchOne(db.cachedStatement(sql: "SELECT * FROM learner WHERE email = ?"), arguments: [email])
    }

    /// What the rules need to know about a learner a place on `session` would go to: any live place they
    /// hold on it, and the prerequisites of its course they have neither attended nor completed as e-learning.
    static func learnerOnSession(_ learner: Learner, _ session: Session, overridingPrerequisites: Bool,
                                 in db: Database) throws -> LearnerOnSession {
        let held = try String.fetchOne(db.cachedStatement(sql: """
            SELECT status FROM booking WHERE sessionId = ? AND learnerId = ? AND status <> 'cancelled'
            """), arguments: [session.id, learner.id])
        let missing = try String.fetchAll(db.cachedStatement(sql: """
            SELECT c.title FROM coursePrerequisite p JOIN course c ON c.id = p.prerequisiteId
            WHERE p.courseId = ?
              AND NOT EXISTS (SELECT 1 FROM booking b JOIN session s ON s.id = b.sessionId
                              WHERE b.learnerId = ? AND b.status = 'attended' AND s.courseId = p.prerequisiteId)
              AND NOT EXISTS (SELECT 1 FROM licenceAllocation a
                              WHERE a.learnerId = ? AND a.status = 'completed' AND a.courseId = p.prerequisiteId)
            ORDER BY c.title
            """), arguments: [session.courseId, learner.id, learner.id])
        return LearnerOnSession(name: learner.name, heldStatus: try held.map { try BookingStatus(stored: $0, column: "status") },
                                missingPrerequisites: missing, overridingPrerequisites: overridingPrerequisites)
    }

    /// An officer's override of missing prerequisites is audited.
    static func auditOverride(_ overridden: [String], of learner: Learner, for session: Session, by actor: String, at instant: Date,
                              in db: Database) throws {
        guard !overridden.isEmpty else { return }
        try db.audit(.prerequisitesOverridden, entity: .learner, id: learner.storedID, actor: actor, at: instant,
                     before: ["missing": overridden], after: ["session": String(session.storedID)])
    }

    /// Places held on a session (confirmed, attended or marked absent), optionally for one agency.
    static func placesTaken(_ sessionId: Int64, agencyId: Int64? = nil, in db: Database) throws -> Int {
        var sql = "SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status IN ('confirmed', 'attended', 'did-not-attend')"
        var arguments: StatementArguments = [sessionId]
        if let agencyId {
            sql += " AND agencyId = ?"
            arguments += [agencyId]
        }
        return try db.count(cachedSQL: sql, arguments: arguments)
    }

    static func booking(_ id: Int64, in db: Database) throws -> Booking {
        guard let booking = try Booking.fetchOne(db, key: id) else { throw UnknownBooking(id) }
        return booking
    }
}

extension StoreReading {
    /// A session's waiting list, first come first served.
    public func waitingList(session id: Int64) throws -> [BookingLine] {
        try sessionDetails(id).waitingList
    }

    /// A booking's history, oldest first, with learners' names.
    public func bookingHistory(_ id: Int64) throws -> [BookingHistoryEntry] {
        try read { db in
            _ = try AppDatabase.booking(id, in: db)
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
