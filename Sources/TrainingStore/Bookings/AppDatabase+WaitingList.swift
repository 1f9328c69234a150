import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// A waiting place's number on its session's waiting list (1 is next), in the order the list is read
    /// and places are given (booked first, then booking number, as `bookingLines`); nil when the place is
    /// not waiting.
    static func waitingListPosition(of bookingId: Int64, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT COUNT(*) FROM booking w WHERE w.sessionId = b.sessionId AND w.status = 'waitlisted'
                    AND (w.bookedAt < b.bookedAt OR (w.bookedAt = b.bookedAt AND w.id < b.id))) + 1
            FROM booking b WHERE b.id = ? AND b.status = 'waitlisted'
            """), arguments: [bookingId])
    }

    /// Gives a free place to the first waiting learner whose agency is within any fair-share cap
    /// (WaitingListRules.next), and tells their booker. Nothing happens when no place is free or nobody
    /// waiting may take it.
    static func promoteFromWaitingList(_ session: Session, by actor: String, at instant: Date, in db: Database) throws -> BookingLine? {
        let sessionId = try session.storedID
        var facts = WaitingListFacts(sessionStatus: session.status, startsAt: session.startsAt, capacity: session.capacity,
                                     placesTaken: try placesTaken(sessionId, in: db), perAgencyCap: session.perAgencyCap,
                                     waitingAgencies: [], agencyPlacesTaken: [:])
        // The waiting list is read only when a place is free to give.
        guard facts.hasFreePlace(at: instant) else { return nil }
        let waiting = try bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'waitlisted'", [sessionId]))
        facts.waitingAgencies = waiting.map(\.booking.agencyId)
        // The agencies' places matter only under a fair-share cap; counting them costs a look at every place.
        if session.perAgencyCap != nil, !waiting.isEmpty {
            facts.agencyPlacesTaken = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db.cachedStatement(sql: """
                SELECT agencyId, COUNT(*) FROM booking
                WHERE sessionId = ? AND agencyId IS NOT NULL AND status IN ('confirmed', 'attended', 'did-not-attend')
                GROUP BY agencyId
                """), arguments: [sessionId]).map { (row: Row) -> (Int64, Int) in (row[0], row[1]) })
        }
        guard let next = WaitingListRules.next(facts, at: instant) else { return nil }
        let line = waiting[next]
        return try moveWaitingPlace(line, of: session, to: .confirmed, event: .promoted, audit: .bookingPromoted,
                                    notification: .promotedFromWaitlist, by: actor, at: instant, in: db) { title in
            "\(line.learnerName) has moved from the waiting list to a confirmed place on \(title), \(LondonTime.format(session.startsAt))."
        }
    }

    /// Closes a session's waiting list as it is delivered or cancelled (DOMAIN.md, "at delivery the waiting
    /// list closes"): each waiting place becomes "no place came up" (RegisterRules.closingWaitingList), its
    /// history and the audit record it, and its booker is told. No charge: a waiting place never had one.
    /// Returns the places closed, first come first.
    @discardableResult
    static func closeWaitingList(of session: Session, because cause: String, by actor: String, at instant: Date,
                                 in db: Database) throws -> [BookingLine] {
        let waiting = try bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'waitlisted'", [session.storedID]))
        return try waiting.compactMap { line in
            guard let closed = RegisterRules.closingWaitingList(line.booking.status) else { return nil }
            return try moveWaitingPlace(line, of: session, to: closed, event: .waitlistClosed, note: cause, audit: .waitingListClosed,
                                        notification: .waitlistClosed, by: actor, at: instant, in: db) { title in
                "\(title) on \(LondonTime.format(session.startsAt)) has been \(cause) and no place came up for \(line.learnerName), who was on the waiting list; the waiting list is closed, with no charge."
            }
        }
    }

    /// A waiting place leaves the waiting list — promoted to a place, or closed with its session: its status
    /// changes, its history and the audit record it, and its booker is told `message(courseTitle)`. The one
    /// trail both ways out of a waiting list leave. Returns the place as it now is.
    static func moveWaitingPlace(_ line: BookingLine, of session: Session, to status: BookingStatus, event: BookingEventKind, note: String? = nil,
                                 audit: AuditAction, notification kind: NotificationKind, by actor: String, at instant: Date, in db: Database,
                                 message: (_ courseTitle: String) -> String) throws -> BookingLine {
        var booking = line.booking
        booking.status = status
        try booking.update(db)
        try db.recordBookingEvent(booking.storedID, kind: event, from: line.booking.status, to: booking.status,
                                  learnerId: booking.learnerId, actor: actor, at: instant, note: note)
        try db.audit(audit, entity: .booking, id: booking.storedID, actor: actor, at: instant, before: line.booking, after: booking)
        let title = try courseTitle(of: session, in: db)
        var notification = Notification(id: nil, bookingId: booking.id, sessionId: session.id, recipient: recipient(of: line), kind: kind,
                                        message: message(title), createdAt: instant, sentAt: nil)
        try notification.insert(db)
        if status == .confirmed {
            try oweLearnerMessage(.placeOffered, about: booking, on: session, carriesEvent: true, at: instant, in: db)
        }
        return BookingLine(booking: booking, learnerName: line.learnerName, learnerEmail: line.learnerEmail, agencyName: line.agencyName)
    }
}
