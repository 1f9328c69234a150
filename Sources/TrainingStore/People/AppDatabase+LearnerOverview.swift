import Foundation
import GRDB
import TrainingCore

/// Everything the officer needs to see about one learner at once.
public struct LearnerOverview: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var bookingId: Int64
        public var sessionId: Int64
        public var courseTitle: String
        public var startsAt: Date
        public var status: BookingStatus
        /// On a waiting list: how many wait ahead.
        public var ahead: Int?
    }
    public struct Licence: Sendable, Equatable {
        public var module: String
        public var status: LicenceStatus
        public var allocatedOn: String
    }
    public struct ChargeLine: Sendable, Equatable {
        public var chargeId: Int64
        public var bookingId: Int64
        public var amount: Pence
        public var rule: String
        public var state: State

        /// Where the charge stands, in short: reversed or waived (it ends there), else on an invoice or still
        /// to be invoiced.
        public enum State: String, Sendable, Hashable, CustomStringConvertible {
            case reversed, waived, invoiced
            case toInvoice = "to invoice"

            public var description: String { rawValue }
        }
    }
    public struct Due: Sendable, Equatable {
        public var kind: InvitationKind
        public var courseTitle: String
        public var dueOn: String
    }

    public var learner: Learner
    public var agencyName: String?
    /// Confirmed, attended and did-not-attend places, earliest session first.
    public var places: [Place]
    public var waiting: [Place]
    public var licences: [Licence]
    public var charges: [ChargeLine]
    /// Evaluations and follow-ups not yet answered, soonest due first.
    public var due: [Due]
}

extension StoreReading {
    /// A learner's places, waiting lists, e-learning licences, charges and unanswered evaluations.
    public func learnerOverview(email: String) throws -> LearnerOverview {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        return try read { db in
            let learner = try AppDatabase.learner(address, in: db)
            guard let id = learner.id else { throw StoreError.notFound("no learner has the email \(address)") }
            let agency = try String.fetchOne(db, sql: "SELECT name FROM agency WHERE id = ?", arguments: [learner.agencyId])
            let bookings = try Row.fetchAll(db, sql: """
                SELECT b.id, b.sessionId, b.status, c.title, s.startsAt,
                    (SELECT COUNT(*) FROM booking w WHERE w.sessionId = b.sessionId AND w.status = 'waitlisted'
                     AND (w.bookedAt < b.bookedAt OR (w.bookedAt = b.bookedAt AND w.id < b.id))) AS ahead
                FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
                WHERE b.learnerId = ? AND b.status IN ('confirmed', 'waitlisted', 'attended', 'did-not-attend')
                ORDER BY s.startsAt, b.id
                """, arguments: [id]).map { row in
                let status: BookingStatus = try row.word("status")
                return LearnerOverview.Place(bookingId: row["id"], sessionId: row["sessionId"], courseTitle: row["title"], startsAt: row["startsAt"],
                                             status: status, ahead: status == .waitlisted ? row["ahead"] : nil)
            }
            let licences = try Row.fetchAll(db, sql: """
                SELECT c.title, a.status, a.allocatedOn FROM licenceAllocation a JOIN course c ON c.id = a.courseId
                WHERE a.learnerId = ? ORDER BY a.allocatedOn, a.id
                """, arguments: [id]).map { LearnerOverview.Licence(module: $0["title"], status: try $0.word("status"), allocatedOn: $0["allocatedOn"]) }
            let charges = try Row.fetchAll(db, sql: """
                SELECT ch.id, ch.bookingId, ch.amountPence, ch.rule, ch.waivedAt, ch.reversedAt, ch.invoiceId
                FROM charge ch JOIN booking b ON b.id = ch.bookingId WHERE b.learnerId = ? ORDER BY ch.id
                """, arguments: [id]).map { row in
                let state: LearnerOverview.ChargeLine.State = row["reversedAt"] as String? != nil ? .reversed
                    : row["waivedAt"] as String? != nil ? .waived : row["invoiceId"] as Int64? != nil ? .invoiced : .toInvoice
                return LearnerOverview.ChargeLine(chargeId: row["id"], bookingId: row["bookingId"], amount: Pence(row["amountPence"] as Int),
                                                  rule: row["rule"], state: state)
            }
            let due = try Row.fetchAll(db, sql: """
                SELECT i.kind, i.dueOn, c.title FROM evaluationInvitation i JOIN booking b ON b.id = i.bookingId
                JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
                WHERE b.learnerId = ? AND i.usedAt IS NULL ORDER BY i.dueOn, i.id
                """, arguments: [id]).map { LearnerOverview.Due(kind: try $0.word("kind"), courseTitle: $0["title"], dueOn: $0["dueOn"]) }
            return LearnerOverview(learner: learner, agencyName: agency, places: bookings.filter { $0.status != .waitlisted },
                                   waiting: bookings.filter { $0.status == .waitlisted }, licences: licences, charges: charges, due: due)
        }
    }
}
