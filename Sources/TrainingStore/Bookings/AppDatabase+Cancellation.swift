import Foundation
import GRDB
import TrainingCore

/// What a cancellation did.
public struct CancellationOutcome: Sendable, Equatable {
    public var booking: Booking
    public var notice: Int
    public var charge: Charge?
    /// The waiting learner who took the freed place, if any.
    public var promoted: BookingLine?
}

extension AppDatabase {
    /// Cancels a booking (CancellationRules). A confirmed place cancelled with less notice than the policy's
    /// cut-off raises a charge on the booking's agency (zero, with the reason, when the reason is exempt); the
    /// freed place goes to the first learner waiting, in the same transaction, and their booker is told.
    /// `at` back-dates the cancellation (a phone call logged later); it defaults to now.
    @discardableResult
    public func cancelBooking(_ id: Int64, by actor: String, at requested: Date? = nil, reason: String? = nil) throws -> CancellationOutcome {
        try StoredText.check(reason, as: .reason, at: InputLocation(input: .reason), name: "the reason")
        return try write { db in
            let instant = now()
            let cancelledAt = requested ?? instant
            try CancellationRules.checkReceived(at: cancelledAt, now: instant)
            let (facts, held, session) = try Self.cancellationFacts(of: id, in: db)
            try CancellationRules.check(facts, receivedAt: cancelledAt)
            let terms = CancellationRules.terms(facts, receivedAt: cancelledAt, reason: reason, calendar: try Self.workingCalendar(db),
                                                policy: try Self.chargingPolicy(db))

            var booking = held
            let before = booking
            booking.status = .cancelled
            booking.cancelledAt = cancelledAt
            booking.cancelledBy = actor
            booking.cancellationReason = reason?.nilIfBlank
            booking.noticeWorkingDays = terms.notice
            try booking.update(db)
            try db.recordBookingEvent(id, kind: .cancelled, from: before.status, to: booking.status, learnerId: booking.learnerId,
                                      actor: actor, at: instant, note: reason?.nilIfBlank)
            try db.audit(.bookingCancelled, entity: .booking, id: id, actor: actor, at: instant, before: before, after: booking)

            var charge: Charge?
            // The terms carry a charge only for a confirmed place with an agency to charge.
            if let agencyId = booking.agencyId, let assessment = terms.charge {
                charge = try Self.raise(assessment, on: booking, agencyId: agencyId, by: actor, at: instant, raisedAt: cancelledAt, in: db)
            }
            try Self.oweLearnerMessage(.placeCancelled, about: booking, on: session, carriesEvent: before.status == .confirmed,
                                       at: instant, in: db) { facts in
                facts.reason = booking.cancellationReason
                facts.charge = charge.flatMap { $0.amountPence > 0 ? MessageWording.money(Pence($0.amountPence)) : nil }
            }
            let promoted = before.status == .confirmed ? try Self.promoteFromWaitingList(session, by: actor, at: instant, in: db) : nil
            return CancellationOutcome(booking: booking, notice: terms.notice, charge: charge, promoted: promoted)
        }
    }

    /// What the cancellation rules need to know about a booking, with the booking and its session.
    static func cancellationFacts(of id: Int64, in db: Database) throws -> (CancellationFacts, Booking, Session) {
        let booking = try Self.booking(id, in: db)
        let session = try Self.session(booking.sessionId, in: db)
        // A place that reached the learner from the waiting list: when it did (the policy decides whether a
        // place given after the cut-off is charged for a late cancellation).
        let promotedAt = booking.status != .confirmed ? nil : try Date.fetchOne(db.cachedStatement(sql: """
            SELECT at FROM bookingEvent WHERE bookingId = ? AND kind = 'promoted' ORDER BY id DESC LIMIT 1
            """), arguments: [id])
        let facts = CancellationFacts(place: try session.place(of: booking), bookedAt: booking.bookedAt, sessionDate: session.startDate,
                                      sessionMinutes: session.minutes, hasAgency: booking.agencyId != nil, promotedAt: promotedAt)
        return (facts, booking, session)
    }
}

extension StoreReading {
    /// What cancelling a booking now would cost, shown to a booker before they confirm: the notice in
    /// working days and the charge the policy would raise (nil when none: enough notice, a waiting place,
    /// or no agency to charge). `at` is when the cancellation would be received (default now), as for
    /// `cancelBooking`, whose terms these are (CancellationRules.terms).
    public func cancellationPreview(_ id: Int64, at requested: Date? = nil, reason: String? = nil) throws -> CancellationTerms {
        try read { db in
            let (facts, _, _) = try AppDatabase.cancellationFacts(of: id, in: db)
            return CancellationRules.terms(facts, receivedAt: requested ?? now(), reason: reason, calendar: try AppDatabase.workingCalendar(db),
                                           policy: try AppDatabase.chargingPolicy(db))
        }
    }
}
