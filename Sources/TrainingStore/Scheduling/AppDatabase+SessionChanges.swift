import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// The partnership cancels a session (SessionRules.checkCancellation): every live booking on it is released with no charge, charges
    /// already raised for late cancellations of it are reversed (or credited, if invoiced), and each booker is told.
    /// A session whose register has marks took place and cannot be cancelled. Returns the bookings released,
    /// then the waiting places closed (now "no place came up").
    @discardableResult
    public func cancelSession(_ id: Int64, reason: SessionCancelReason, note: String?, by actor: String) throws -> [BookingLine] {
        try StoredText.check(note, as: .note, at: InputLocation(input: .note), name: "the note")
        return try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            let marked = try db.count(sql: "SELECT COUNT(*) FROM booking WHERE sessionId = ? AND status IN ('attended', 'did-not-attend')",
                                      arguments: [id])
            try SessionRules.checkCancellation(session: id, status: session.status, marked: marked)
            let before = session
            session.status = .cancelled
            session.cancelReason = reason
            session.cancelNote = note?.nilIfBlank
            session.cancelledAt = instant
            try session.update(db)
            let title = try Self.courseTitle(of: session, in: db)
            let released = try Self.bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'confirmed'", [id]))
            for line in released {
                var booking = line.booking
                let from = booking.status
                booking.status = .cancelled
                booking.cancelledAt = instant
                booking.cancelledBy = actor
                booking.cancellationReason = "session cancelled by the partnership (\(reason.rawValue))"
                try booking.update(db)
                try db.recordBookingEvent(booking.storedID, kind: .sessionCancelled, from: from, to: booking.status,
                                          learnerId: booking.learnerId, actor: actor, at: instant, note: reason.rawValue)
                var notification = Notification(
                    id: nil, bookingId: booking.id, sessionId: id, recipient: Self.recipient(of: line), kind: .sessionCancelled,
                    message: "\(title) on \(LondonTime.format(session.startsAt)) has been cancelled (\(reason.rawValue)); \(line.learnerName)'s place is released with no charge.",
                    createdAt: instant, sentAt: nil)
                try notification.insert(db)
                try Self.oweLearnerMessage(.sessionCancelled, about: booking, on: session, carriesEvent: true, at: instant, in: db) {
                    $0.reason = reason.rawValue
                }
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
                                                auditAction: .chargeReversedSessionCancelled, by: actor, at: instant, in: db)
                guard let credit = outcome.credit else { continue }
                // A charge's booking cannot be deleted (ON DELETE RESTRICT).
                let line = try Self.bookingLines(db, SQLFilter("b.id = ?", [charge.bookingId])).first.required("booking \(charge.bookingId)")
                // A credit note's invoice cannot be deleted (ON DELETE RESTRICT).
                let invoice = try Int.fetchOne(db, sql: "SELECT number FROM invoice WHERE id = ?", arguments: [credit.invoiceId]).required("invoice \(credit.invoiceId)")
                var notification = Notification(
                    id: nil, bookingId: charge.bookingId, sessionId: id, recipient: Self.recipient(of: line), kind: .chargeCredited,
                    message: "\(title) on \(LondonTime.format(session.startsAt)) has been cancelled by the partnership, so the \(Pence(charge.amountPence)) charge for \(line.learnerName)'s place on invoice \(invoice) is credited in full by credit note \(credit.shownNumber).",
                    createdAt: instant, sentAt: nil)
                try notification.insert(db)
            }
            try db.audit(.sessionCancelled, entity: .session, id: id, actor: actor, at: instant, before: before, after: session)
            return released + closed
        }
    }

    /// Changes a session's number of places (SessionRules.checkCapacity). It cannot go below the places already held; when it goes up,
    /// learners waiting are promoted, first come first served, in the same transaction (and told).
    /// Returns the learners promoted.
    @discardableResult
    public func setCapacity(of id: Int64, to capacity: Int, by actor: String) throws -> [BookingLine] {
        try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            try SessionRules.checkCapacity(capacity, session: id, status: session.status, placesTaken: try Self.placesTaken(id, in: db))
            guard capacity != session.capacity else { return [] }
            let before = session
            session.capacity = capacity
            session.minimumNumbers = SessionRules.minimumNumbers(session.minimumNumbers, withCapacity: capacity)
            try session.update(db)
            try db.audit(.sessionCapacityChanged, entity: .session, id: id, actor: actor, at: instant, before: before, after: session)
            var promoted: [BookingLine] = []
            while let line = try Self.promoteFromWaitingList(session, by: actor, at: instant, in: db) { promoted.append(line) }
            return promoted
        }
    }

    /// Closes a delivered session and invites everyone who attended to evaluate it (and, later, to a
    /// follow-up). Refused while any confirmed place is unmarked on the register (SessionRules.checkDelivery).
    public func deliverSession(_ id: Int64, by actor: String) throws {
        try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            // An erased learner's place has no email: it is named, and marked, by its booking number.
            let unmarked = session.status != .scheduled ? [] : try Self.bookingLines(db, SQLFilter("b.sessionId = ? AND b.status = 'confirmed'", [id]))
                .map { UnmarkedPlace(booking: try $0.booking.storedID, learnerName: $0.learnerName, learnerEmail: $0.learnerEmail) }
            try SessionRules.checkDelivery(session: id, status: session.status, startsAt: session.startsAt, unmarked: unmarked, at: instant)
            let before = session
            session.status = .delivered
            session.deliveredAt = instant
            try session.update(db)
            try Self.closeWaitingList(of: session, because: "delivered", by: actor, at: instant, in: db)
            try Self.createInvitations(forSession: session, deliveredOn: LondonTime.date(of: instant), at: instant, in: db)
            try db.audit(.sessionDelivered, entity: .session, id: id, actor: actor, at: instant, before: before, after: session)
        }
    }
}
