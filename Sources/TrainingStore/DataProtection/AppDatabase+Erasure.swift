import Foundation
import GRDB
import TrainingCore

/// What erasing a person did.
public struct ErasureReport: Sendable, Hashable {
    /// What the learner is called now.
    public var pseudonym: String
    /// Their bookings and licences, kept (without their details) so every figure stays the same.
    public var bookingsKept: Int
    public var licencesKept: Int
    /// Evaluations and follow-ups whose free text was removed.
    public var textsRemoved: Int
    /// False when a reader kept the write-ahead log busy, so the old pages there are overwritten only at
    /// the next checkpoint.
    public var logCleared: Bool
    /// Their places still to come, cancelled with no charge (the waiting list moved up), by booking number.
    public var placesCancelled: [Int64] = []
}

extension AppDatabase {
    /// Erases one person on a valid request (UK GDPR article 17): anonymises them as retention does and
    /// removes the free text they wrote, at once. Their bookings, licences and scores stay, under
    /// "Anonymised learner #n" with agency and sector, so no figure changes. The audit entry records the
    /// reason and the pseudonym, never the name or email. Deleted content is overwritten (secure_delete is
    /// on for every connection) and the write-ahead log is checkpointed and truncated, so the details are
    /// not left in the database's files.
    @discardableResult
    public func erase(email: String, reason: String, by actor: String) throws -> ErasureReport {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        guard let reason = reason.nilIfBlank else {
            throw InputError("say why the person is erased (the request's reference, say)", at: InputLocation(input: .reason))
        }
        try StoredText.check(reason, as: .reason, at: InputLocation(input: .reason), name: "the reason")
        var report = try write { db -> ErasureReport in
            let learner = try Self.learner(address, in: db)
            let learnerId = try learner.storedID
            let instant = now()
            let cancelled = try Self.cancelPlacesToCome(of: learnerId, by: actor, at: instant, in: db)
            let bookings = "bookingId IN (SELECT id FROM booking WHERE learnerId = \(learnerId))"
            let texts = try Self.freeTextCount(where: bookings, arguments: [], in: db)
            try Self.removeFreeText(where: bookings, arguments: [], at: instant, in: db)
            let pseudonym = try Self.anonymise(learnerId: learnerId, at: instant, in: db)
            try db.audit(.learnerErased, entity: .learner, id: learnerId, actor: actor, at: instant,
                         before: String?.none, after: ["reason": reason, "now known as": pseudonym])
            return ErasureReport(
                pseudonym: pseudonym,
                bookingsKept: try db.count(sql: "SELECT COUNT(*) FROM booking WHERE learnerId = ?", arguments: [learnerId]),
                licencesKept: try db.count(sql: "SELECT COUNT(*) FROM licenceAllocation WHERE learnerId = ?", arguments: [learnerId]),
                textsRemoved: texts.evaluations + texts.followUps, logCleared: false, placesCancelled: cancelled)
        }
        report.logCleared = try clearWriteAheadLog()
        return report
    }

    /// An erased learner will not come: each of their places still to come (RegisterRules.erasedPlace) is
    /// cancelled with no charge, and a confirmed place goes to the first learner waiting. Places on sessions
    /// already started stay, to be marked by booking number. Returns the bookings cancelled.
    static func cancelPlacesToCome(of learnerId: Int64, by actor: String, at instant: Date, in db: Database) throws -> [Int64] {
        let places = try Booking.fetchAll(db, sql: """
            SELECT b.* FROM booking b JOIN session s ON s.id = b.sessionId
            WHERE b.learnerId = ? AND b.status IN ('confirmed', 'waitlisted') AND s.status = 'scheduled' ORDER BY b.id
            """, arguments: [learnerId])
        let calendar = try workingCalendar(db)
        var cancelled: [Int64] = []
        for place in places {
            let session = try Self.session(place.sessionId, in: db)
            guard RegisterRules.erasedPlace(bookingStatus: place.status, sessionStatus: session.status,
                                            startsAt: session.startsAt, at: instant) == .cancelWithoutCharge else { continue }
            var booking = place
            booking.status = .cancelled
            booking.cancelledAt = instant
            booking.cancelledBy = actor
            booking.cancellationReason = "learner erased"
            booking.noticeWorkingDays = calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: instant), sessionDate: session.startDate)
            try booking.update(db)
            try db.recordBookingEvent(booking.storedID, kind: .cancelled, from: place.status, to: booking.status, learnerId: booking.learnerId,
                                      actor: actor, at: instant, note: "learner erased: no charge")
            try db.audit(.bookingCancelledLearnerErased, entity: .booking, id: booking.storedID, actor: actor, at: instant,
                         before: place, after: booking)
            if place.status == .confirmed {
                _ = try promoteFromWaitingList(session, by: actor, at: instant, in: db)
            }
            cancelled.append(try booking.storedID)
        }
        return cancelled
    }

    /// `erase` for a caller on Swift's cooperative thread pool (a web request): the erasure is one write of
    /// the next group commit (`writing`), and once it is committed the write-ahead log is cleared on the
    /// database's queue, as `erase` clears it on its own (inside the commit that holds the erasure it cannot
    /// be), without blocking the calling thread.
    public func erasing(email: String, reason: String, by actor: String) async throws -> ErasureReport {
        var report = try await writing { try $0.erase(email: email, reason: reason, by: actor) }
        guard transaction == nil else { return report }
        guard let pool = writer as? DatabasePool else {
            report.logCleared = true
            return report
        }
        report.logCleared = try await DatabaseFailure.translating { try await pool.writeWithoutTransaction(Self.truncateWriteAheadLog) }
        return report
    }

    /// Copies every committed page into the database file and empties the write-ahead log, so that old
    /// versions of changed pages are no longer in it. False when a reader holds it (the web app serving),
    /// or when this handle has joined a transaction (the log can only be cleared once it is committed).
    func clearWriteAheadLog() throws -> Bool {
        guard transaction == nil else { return false }
        guard writer is DatabasePool else { return true }
        return try DatabaseFailure.translating { try writer.writeWithoutTransaction(Self.truncateWriteAheadLog) }
    }

    /// Checkpoints the write-ahead log into the file and truncates it; false when a reader kept it busy.
    @Sendable static func truncateWriteAheadLog(_ db: Database) throws -> Bool {
        let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)").required("the checkpoint's result")
        return (row[0] as Int) == 0
    }

    /// Replaces one learner's details with "Anonymised learner #n" (n counts the anonymised), keeping their
    /// agency: the bookings, licences, charges and scores that figures are made of stay as they were. Text
    /// the program wrote naming them (notifications, booking notes, audit entries about them) loses the
    /// name and email too. Returns the pseudonym; a learner already anonymised keeps theirs.
    @discardableResult
    static func anonymise(learnerId id: Int64, at instant: Date, in db: Database) throws -> String {
        guard var learner = try Learner.fetchOne(db, key: id) else { throw StoreError.notFound("there is no learner \(id)") }
        guard learner.anonymisedAt == nil else { return learner.name }
        let number = try db.count(sql: "SELECT COUNT(*) FROM learner WHERE anonymisedAt IS NOT NULL") + 1
        let pseudonym = AnonymisedLearner.name(number: number)

        let heldBookings = """
            SELECT id FROM booking WHERE learnerId = ?1
            UNION SELECT bookingId FROM bookingEvent WHERE previousLearnerId = ?1
            """
        // Messages to or about them are their personal data through and through (issue 18): they go, with
        // the links that would still open their places.
        try db.execute(sql: "DELETE FROM outboxMessage WHERE learnerId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM owedPlaceMessage WHERE learnerId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM placeLink WHERE bookingId IN (SELECT id FROM booking WHERE learnerId = ?)", arguments: [id])
        // Their certificates name them and say what they did (issue 22): they go too, so a verification code
        // no longer finds them.
        try db.execute(sql: "DELETE FROM certificate WHERE bookingId IN (SELECT id FROM booking WHERE learnerId = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM certificate WHERE allocationId IN (SELECT id FROM licenceAllocation WHERE learnerId = ?)",
                       arguments: [id])
        for trace in [learner.name, learner.email].compactMap({ $0 }) {
            let arguments: StatementArguments = [id, trace, pseudonym]
            // Audit entries of their bookings hold the booking as JSON, its cancellation reason included.
            let inJSON = String(jsonText(trace).dropFirst().dropLast())
            try db.execute(sql: """
                UPDATE auditEntry SET before = replace(before, ?2, ?3), after = replace(after, ?2, ?3)
                WHERE entity = 'booking' AND entityId IN (SELECT CAST(id AS TEXT) FROM (\(heldBookings)))
                  AND (instr(before, ?2) > 0 OR instr(after, ?2) > 0)
                """, arguments: [id, inJSON, pseudonym])
            // A request's audit entries hold the request, a decline's reason (a booker's words) included.
            try db.execute(sql: """
                UPDATE auditEntry SET before = replace(before, ?2, ?3), after = replace(after, ?2, ?3)
                WHERE entity = 'placeRequest' AND entityId IN (SELECT CAST(id AS TEXT) FROM placeRequest WHERE learnerId = ?1)
                  AND (instr(before, ?2) > 0 OR instr(after, ?2) > 0)
                """, arguments: [id, inJSON, pseudonym])
            try db.execute(sql: """
                UPDATE notification SET message = replace(message, ?2, ?3)
                WHERE bookingId IN (\(heldBookings)) AND instr(message, ?2) > 0
                """, arguments: arguments)
            try db.execute(sql: """
                UPDATE booking SET cancellationReason = replace(cancellationReason, ?2, ?3)
                WHERE id IN (\(heldBookings)) AND instr(cancellationReason, ?2) > 0
                """, arguments: arguments)
            try db.execute(sql: """
                UPDATE bookingEvent SET note = replace(note, ?2, ?3)
                WHERE bookingId IN (\(heldBookings)) AND instr(note, ?2) > 0
                """, arguments: arguments)
            // A credit note's reason is the officer's words, which may name the person, and so is its audit entry.
            let creditNotesHeld = "SELECT id FROM creditNote WHERE chargeId IN (SELECT id FROM charge WHERE bookingId IN (\(heldBookings)))"
            try db.execute(sql: """
                UPDATE auditEntry SET before = replace(before, ?2, ?3), after = replace(after, ?2, ?3)
                WHERE entity = 'creditNote' AND entityId IN (SELECT printf('CN-%04d', number) FROM creditNote WHERE id IN (\(creditNotesHeld)))
                  AND (instr(before, ?2) > 0 OR instr(after, ?2) > 0)
                """, arguments: [id, inJSON, pseudonym])
            try db.execute(sql: """
                UPDATE creditNote SET reason = replace(reason, ?2, ?3)
                WHERE id IN (\(creditNotesHeld)) AND instr(reason, ?2) > 0
                """, arguments: arguments)
        }
        try db.execute(sql: """
            UPDATE auditEntry SET
                before = CASE WHEN json_type(before, '$.name') IS NULL THEN before
                              ELSE json_replace(before, '$.name', ?2, '$.email', NULL, '$.jobRole', NULL, '$.team', NULL) END,
                after = CASE WHEN json_type(after, '$.name') IS NULL THEN after
                             ELSE json_replace(after, '$.name', ?2, '$.email', NULL, '$.jobRole', NULL, '$.team', NULL) END
            WHERE entity = 'learner' AND entityId = CAST(?1 AS TEXT)
            """, arguments: [id, pseudonym])

        // Their links to their own page, and their requests for places (a booking an approval made stays).
        try db.execute(sql: "DELETE FROM learnerLink WHERE learnerId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM placeRequest WHERE learnerId = ?", arguments: [id])
        learner.name = pseudonym
        learner.email = nil
        learner.jobRole = nil
        learner.team = nil
        learner.anonymisedAt = instant
        try learner.update(db)
        return pseudonym
    }
}
