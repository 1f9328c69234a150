import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// Puts another learner of the same agency in a booking's place, free of charge, up to the session's
    /// start (SubstitutionRules; the substitute is accepted as a booking would be, BookingRules.accept).
    /// The booking keeps its place in the queue; its history records who was replaced.
    @discardableResult
    public func substitute(booking id: Int64, with newEmail: String, by actor: String, overridePrerequisites: Bool = false) throws -> Booking {
        let email = try EmailAddress(newEmail, at: InputLocation(field: "learner"))
        return try write { db in
            let instant = now()
            var booking = try Self.booking(id, in: db)
            let session = try Self.session(booking.sessionId, in: db)
            try SubstitutionRules.check(session.place(of: booking), at: instant)
            let substitute = try Self.learner(email, in: db)
            guard SubstitutionRules.isSameAgency(substitute.agencyId, as: booking.agencyId) else {
                let agency = try booking.agencyId.flatMap { try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [$0]) }
                throw SubstitutionRefusal.notSameAgency(substitute: substitute.name, agency: agency)
            }
            let overridden = try BookingRules.accept(
                try Self.learnerOnSession(substitute, session, overridingPrerequisites: overridePrerequisites, in: db))
            try Self.auditOverride(overridden, of: substitute, for: session, by: actor, at: instant, in: db)

            let before = booking
            booking.learnerId = try substitute.storedID
            try booking.update(db)
            try db.recordBookingEvent(id, kind: .substituted, from: booking.status, to: booking.status, learnerId: substitute.id,
                                      previousLearnerId: before.learnerId, actor: actor, at: instant)
            try db.audit(.bookingSubstituted, entity: .booking, id: id, actor: actor, at: instant, before: before, after: booking)
            // The learner leaving has the event removed from their calendar; the one joining is sent it.
            try Self.oweLearnerMessage(.substituted, about: booking, on: session, learner: before.learnerId, carriesEvent: true,
                                       at: instant, in: db) { $0.joining = false }
            try Self.oweLearnerMessage(.substituted, about: booking, on: session, carriesEvent: true, at: instant, in: db) { $0.joining = true }
            return booking
        }
    }
}
