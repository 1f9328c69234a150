import Foundation
import GRDB
import TrainingCore

/// What marking one learner on the register did.
public struct RegisterMark: Sendable, Equatable {
    public var line: BookingLine
    public var previousStatus: BookingStatus
    public var chargeRaised: Charge?
    public var chargeReversed: Charge?
}

extension AppDatabase {
    /// Marks learners present or absent. A non-attendance raises its charge under the policy; correcting an
    /// absence to present reverses that charge (credits it, if already invoiced). Marks can be corrected until the
    /// session is closed with `deliverSession`. All the learners given are marked, or none.
    @discardableResult
    ///
    /// A place is named by its learner's email or, with `presentBookings`/`absentBookings`, by its booking
    /// number — the only way to mark the place of a learner erased after the session started, so that every
    /// session can be delivered. Marks are made from the session's start (RegisterRules.markRefusal).
    public func mark(session id: Int64, present: [String] = [], absent: [String] = [],
                     presentBookings: [Int64] = [], absentBookings: [Int64] = [], by actor: String) throws -> [RegisterMark] {
        enum Place: Hashable {
            case email(EmailAddress)
            case booking(Int64)
            var field: String {
                switch self {
                case .email(let email): return email.text
                case .booking(let id): return "booking \(id)"
                }
            }
        }
        let marks = try present.map { (Place.email(try EmailAddress($0, at: InputLocation(field: "learner"))), true) }
            + absent.map { (Place.email(try EmailAddress($0, at: InputLocation(field: "learner"))), false) }
            + presentBookings.map { (Place.booking($0), true) } + absentBookings.map { (Place.booking($0), false) }
        if let repeated = Dictionary(grouping: marks, by: \.0).first(where: { $0.value.count > 1 })?.key {
            throw RegisterRefusal.givenTwice(place: repeated.field)
        }
        return try write { db in
            let instant = now()
            let session = try Self.session(id, in: db)
            if let refusal = RegisterRules.markRefusal(sessionStatus: session.status, startsAt: session.startsAt, at: instant) {
                throw RegisterRefusal(refusal, session: id, startsAt: session.startsAt)
            }
            let policy = try Self.chargingPolicy(db)
            var results: [RegisterMark] = []
            for (place, attended) in marks {
                let filter: SQLFilter
                switch place {
                case .email(let email): filter = SQLFilter("b.sessionId = ? AND l.email = ? AND b.status <> 'cancelled'", [id, email.text])
                case .booking(let booking): filter = SQLFilter("b.sessionId = ? AND b.id = ? AND b.status <> 'cancelled'", [id, booking])
                }
                guard let line = try Self.bookingLines(db, filter).first else { throw RegisterRefusal.noPlace(place: place.field, session: id) }
                var booking = line.booking
                let previous = booking.status
                guard case .marked(let target, let event) = try RegisterRules.mark(previous, attended: attended, place: place.field, session: id) else {
                    results.append(RegisterMark(line: line, previousStatus: previous))
                    continue
                }
                booking.status = target
                try booking.update(db)
                try db.recordBookingEvent(booking.storedID, kind: event, from: previous, to: target, learnerId: booking.learnerId, actor: actor, at: instant)
                try db.audit(event == .registerCorrected ? .registerCorrected : .registerMarked, entity: .booking, id: booking.storedID,
                             actor: actor, at: instant, before: line.booking, after: booking)
                var mark = RegisterMark(line: BookingLine(booking: booking, learnerName: line.learnerName,
                                                          learnerEmail: line.learnerEmail, agencyName: line.agencyName),
                                        previousStatus: previous)
                if attended {
                    mark.chargeReversed = try Self.reverseNonAttendanceCharge(of: booking, by: actor, at: instant, in: db)
                } else if let agencyId = booking.agencyId {
                    var charge = try Self.raise(policy.nonAttendance(sessionMinutes: session.minutes), on: booking,
                                                agencyId: agencyId, by: actor, at: instant, in: db)
                    // A waiver given before a register correction still stands when the absence is marked again.
                    if let waived = try Charge.fetchOne(db, sql: """
                        SELECT * FROM charge WHERE bookingId = ? AND kind = 'non-attendance' AND waivedAt IS NOT NULL AND id <> ?
                        ORDER BY id DESC LIMIT 1
                        """, arguments: [booking.id, charge.id]) {
                        charge.waivedAt = instant
                        charge.waivedBy = waived.waivedBy
                        charge.waiverReason = waived.waiverReason
                        try charge.update(db)
                    }
                    mark.chargeRaised = charge
                }
                if !attended {
                    try Self.oweLearnerMessage(.nonAttendance, about: booking, on: session, at: instant, in: db) { facts in
                        facts.charge = mark.chargeRaised.flatMap { $0.amountPence > 0 && $0.waivedAt == nil ? MessageWording.money(Pence($0.amountPence)) : nil }
                    }
                }
                results.append(mark)
            }
            return results
        }
    }

    /// The learner attended after all: their non-attendance charge is reversed, or, once invoiced, credited in
    /// full (CreditRule). Returns the charge reversed, if one was.
    static func reverseNonAttendanceCharge(of booking: Booking, by actor: String, at instant: Date, in db: Database) throws -> Charge? {
        guard let charge = try Charge.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM charge WHERE bookingId = ? AND kind = 'non-attendance' AND reversedAt IS NULL
              AND NOT EXISTS (SELECT 1 FROM creditNote WHERE chargeId = charge.id) ORDER BY id DESC
            """), arguments: [booking.id]) else { return nil }
        return try withdraw(charge, cause: .registerCorrected, reason: CreditRule.reason(for: .registerCorrected),
                            auditAction: .chargeReversedByRegisterCorrection, by: actor, at: instant, in: db).reversed
    }
}

extension StoreReading {
    /// The register: every place on the session with its mark so far.
    public func register(session id: Int64) throws -> [BookingLine] {
        try sessionDetails(id).places
    }
}
