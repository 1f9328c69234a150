import Foundation
import GRDB
import TrainingCore

extension AppDatabase {
    /// A stored value as a person reads it: instants (stored in UTC) as London wall-clock times.
    static func personalValue(_ value: DatabaseValue) -> PersonalDataValue {
        switch value.storage {
        case .null: return .none
        case .int64(let number): return .number(Int(number))
        case .double(let number): return .text(String(number))
        case .string(let text):
            if text.count == 23, text.dropFirst(10).first == " ", let instant = Date.fromDatabaseValue(value) {
                return .text(LondonTime.format(instant))
            }
            return .text(text)
        case .blob: return .text("(binary data)")
        }
    }
}

extension StoreReading {
    /// The id of the learner with this email (ignoring case): what a subject access download is named by,
    /// so a file name never holds the email itself.
    public func learnerId(email: String) throws -> Int64 {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        return try read { db in
            guard let id = try AppDatabase.learner(address, in: db).id else { throw StoreError.notFound("no learner has the email \(address)") }
            return id
        }
    }

    /// Everything held about the learner with this email (ignoring case), for a subject access request:
    /// their details, bookings and each booking's history, charges that name them, licences, certificates,
    /// evaluations and follow-ups they wrote, the evaluation links sent to them, notifications about their
    /// places and the audit entries about their records. Read in one transaction, so the sections agree.
    ///
    /// A place they gave to a substitute is listed up to the substitution; what happened to it afterwards
    /// is the substitute's, and no other learner is named anywhere.
    public func subjectAccess(email: String) throws -> SubjectAccessRecord {
        let address = try EmailAddress(email, at: InputLocation(field: "email"))
        return try read { db in
            let learner = try AppDatabase.learner(address, in: db)
            let id = try learner.storedID
            // Places they hold (since they took one as a substitute, if so), and places they held until a
            // substitute took them: what happened outside those windows is about someone else.
            let held = """
                SELECT b.id AS bookingId, NULL AS until,
                       (SELECT MAX(e.at) FROM bookingEvent e WHERE e.bookingId = b.id AND e.kind = 'substituted' AND e.learnerId = \(id)) AS since
                FROM booking b WHERE b.learnerId = \(id)
                UNION ALL SELECT bookingId, MIN(at), NULL FROM bookingEvent
                WHERE previousLearnerId = \(id) AND kind = 'substituted' GROUP BY bookingId
                """
            // Their messages: the outbox's, and a new place's message still owed (`owedMessage`).
            let messageColumns = "id, createdAt, kind, recipientAddress, status, sentAt, subject, textBody"
            func within(_ instant: String) -> String {
                "(h.until IS NULL OR \(instant) <= h.until) AND (h.since IS NULL OR \(instant) >= h.since)"
            }
            func section(_ title: String, _ explanation: String, _ sql: String) throws -> PersonalDataSection {
                let statement = try db.makeStatement(sql: sql)
                let rows = try Row.fetchAll(statement).map { row in Array(row.databaseValues.map(AppDatabase.personalValue)) }
                return PersonalDataSection(title: title, explanation: explanation, columns: statement.columnNames, rows: rows)
            }
            let sections = [
                try section("Details", "Who you are in the training records.", """
                    SELECT l.name AS "Name", l.email AS "Email", a.name AS "Agency", a.sector AS "Sector", l.jobRole AS "Job role",
                           l.team AS "Team", l.createdAt AS "Added"
                    FROM learner l LEFT JOIN agency a ON a.id = l.agencyId WHERE l.id = \(id)
                    """),
                try section("Bookings", "Your places on training sessions: kept as the partnership's training record.", """
                    SELECT b.id AS "Booking", c.title AS "Course", c.level AS "Level", s.startsAt AS "Session start",
                           COALESCE(s.venue, s.onlineURL) AS "Venue", a.name AS "Agency",
                           CASE WHEN h.until IS NULL THEN b.status ELSE 'passed to a substitute' END AS "Status",
                           b.bookedAt AS "Booked", b.bookedBy AS "Booked by",
                           CASE WHEN h.until IS NULL THEN b.cancelledAt END AS "Cancelled",
                           CASE WHEN h.until IS NULL THEN b.cancelledBy END AS "Cancelled by",
                           CASE WHEN h.until IS NULL THEN b.cancellationReason END AS "Reason",
                           CASE WHEN h.until IS NULL THEN b.noticeWorkingDays END AS "Notice (working days)"
                    FROM (\(held)) h JOIN booking b ON b.id = h.bookingId JOIN session s ON s.id = b.sessionId
                    JOIN course c ON c.id = s.courseId LEFT JOIN agency a ON a.id = b.agencyId
                    ORDER BY s.startsAt, b.id
                    """),
                try section("Requests for places", "Places you asked for from your own page, and what your agency decided.", """
                    SELECT r.id AS "Request", c.title AS "Course", s.startsAt AS "Session start", r.requestedAt AS "Requested",
                           r.state AS "State", r.decidedAt AS "Decided", r.decidedBy AS "Decided by", r.reason AS "Reason",
                           r.bookingId AS "Booking"
                    FROM placeRequest r JOIN session s ON s.id = r.sessionId JOIN course c ON c.id = s.courseId
                    WHERE r.learnerId = \(id) ORDER BY r.requestedAt, r.id
                    """),
                try section("Booking history", "Each change to your bookings, when and by whom.", """
                    SELECT e.bookingId AS "Booking", e.at AS "When",
                           CASE WHEN e.kind = 'substituted' AND e.previousLearnerId = \(id) THEN 'substituted: your place passed to another learner'
                                WHEN e.kind = 'substituted' THEN 'substituted: you took the place of another learner'
                                ELSE e.kind END AS "Change",
                           e.fromStatus AS "From", e.toStatus AS "To", e.actor AS "By", e.note AS "Note"
                    FROM (\(held)) h JOIN bookingEvent e ON e.bookingId = h.bookingId
                    WHERE \(within("e.at"))
                    ORDER BY e.bookingId, e.id
                    """),
                try section("Charges", "Fees charged to your agency for a late cancellation or non-attendance of yours.", """
                    SELECT ch.id AS "Charge", ch.bookingId AS "Booking", c.title AS "Course", ch.kind AS "Kind",
                           ch.amountPence AS "Amount (pence)", ch.raisedOn AS "Raised on", ch.rule AS "Rule",
                           ch.exemptReason AS "Exempt because", ch.waivedAt AS "Waived", ch.waiverReason AS "Waiver reason",
                           ch.reversedAt AS "Reversed", i.number AS "Invoice"
                    FROM charge ch JOIN booking b ON b.id = ch.bookingId JOIN session s ON s.id = b.sessionId
                    JOIN course c ON c.id = s.courseId LEFT JOIN invoice i ON i.id = ch.invoiceId
                    WHERE ch.learnerId = \(id) ORDER BY ch.id
                    """),
                try section("Credit notes", "Charges of yours credited to your agency after they were invoiced, and why.", """
                    SELECT printf('CN-%04d', cn.number) AS "Credit note", cn.chargeId AS "Charge", i.number AS "Invoice",
                           cn.amountPence AS "Amount (pence)", cn.cause AS "Cause", cn.reason AS "Reason", cn.raisedOn AS "Issued on"
                    FROM creditNote cn JOIN charge ch ON ch.id = cn.chargeId JOIN invoice i ON i.id = cn.invoiceId
                    WHERE ch.learnerId = \(id) ORDER BY cn.number
                    """),
                try section("E-learning licences", "E-learning modules allocated to you and your progress.", """
                    SELECT c.title AS "Module", a.name AS "Agency", x.status AS "Status", x.allocatedOn AS "Allocated",
                           x.startedOn AS "Started", x.completedOn AS "Completed", x.reclaimedOn AS "Reclaimed",
                           x.allocatedBy AS "Allocated by"
                    FROM licenceAllocation x JOIN course c ON c.id = x.courseId LEFT JOIN agency a ON a.id = x.agencyId
                    WHERE x.learnerId = \(id) ORDER BY x.allocatedOn, x.id
                    """),
                try section("Certificates", "Certificates issued to you for a session attended or a module completed, and the code that checks each.", """
                    SELECT c.code AS "Verification code", co.title AS "Course", c.bookingId AS "Booking",
                           c.allocationId AS "E-learning licence", c.issuedAt AS "Issued"
                    FROM certificate c LEFT JOIN booking b ON b.id = c.bookingId LEFT JOIN session s ON s.id = b.sessionId
                    LEFT JOIN licenceAllocation x ON x.id = c.allocationId JOIN course co ON co.id = COALESCE(s.courseId, x.courseId)
                    WHERE b.learnerId = \(id) OR x.learnerId = \(id) ORDER BY c.issuedAt, c.id
                    """),
                try section("Evaluations", "What you answered after a session.", """
                    SELECT v.bookingId AS "Booking", c.title AS "Course", v.submittedAt AS "Submitted",
                           v.satisfaction AS "Satisfaction (1-5)", v.knowledge AS "Knowledge gained",
                           v.confidenceBefore AS "Confidence before (1-10)", v.confidenceAfter AS "Confidence after (1-10)",
                           v.bestPart AS "Best part", v.practiceChange AS "Change to practice", v.improve AS "To improve",
                           v.textRemovedAt AS "Text removed"
                    FROM evaluation v JOIN booking b ON b.id = v.bookingId JOIN session s ON s.id = b.sessionId
                    JOIN course c ON c.id = s.courseId
                    WHERE b.learnerId = \(id) ORDER BY v.submittedAt
                    """),
                try section("Follow-ups", "What you answered months after a session.", """
                    SELECT f.bookingId AS "Booking", c.title AS "Course", f.submittedAt AS "Submitted",
                           f.usedInPractice AS "Used in practice", f.example AS "Example", f.difference AS "Difference (1-5)",
                           f.barriers AS "Barriers", f.textRemovedAt AS "Text removed"
                    FROM followUp f JOIN booking b ON b.id = f.bookingId JOIN session s ON s.id = b.sessionId
                    JOIN course c ON c.id = s.courseId
                    WHERE b.learnerId = \(id) ORDER BY f.submittedAt
                    """),
                try section("Evaluation links", "Personal links sent to you for an evaluation or follow-up (only a hash of each is kept).", """
                    SELECT i.bookingId AS "Booking", i.kind AS "Kind", i.dueOn AS "Due", i.sentAt AS "Sent",
                           i.expiresAt AS "Expires", i.usedAt AS "Used"
                    FROM evaluationInvitation i JOIN booking b ON b.id = i.bookingId
                    WHERE b.learnerId = \(id) ORDER BY i.dueOn, i.id
                    """),
                try section("Notifications", "Messages about your places sent to the person who booked them.", """
                    SELECT n.createdAt AS "Written", n.kind AS "Kind", n.message AS "Message", n.sentAt AS "Sent"
                    FROM (\(held)) h JOIN notification n ON n.bookingId = h.bookingId
                    WHERE \(within("n.createdAt"))
                    ORDER BY n.createdAt, n.id
                    """),
                try section("Email messages", "Messages sent to you, or about your places to the person who booked them; what a message said is kept for a set time after it was sent, then only its envelope.", """
                    SELECT m.createdAt AS "Written", m.kind AS "Kind", m.recipientAddress AS "To", m.status AS "Status",
                           m.sentAt AS "Sent", m.subject AS "Subject", m.textBody AS "Message"
                    FROM (SELECT \(messageColumns) FROM outboxMessage WHERE learnerId = \(id)
                          UNION ALL SELECT \(messageColumns) FROM owedMessage WHERE learnerId = \(id)) m
                    ORDER BY m.createdAt, m.id IS NULL, m.id
                    """),
                try section("Audit entries", "The log of changes to your record, bookings, licences and charges.", """
                    SELECT e.at AS "When", e.actor AS "By", e.action AS "Action", e.entity AS "Record", e.entityId AS "Record id",
                           e.before AS "Before", e.after AS "After"
                    FROM auditEntry e
                    WHERE (e.entity = 'learner' AND e.entityId = '\(id)')
                       OR (e.entity = 'booking' AND e.entityId IN (SELECT CAST(bookingId AS TEXT) FROM (\(held)) h
                                                                   WHERE \(within("e.at"))))
                       OR (e.entity = 'licenceAllocation' AND e.entityId IN (SELECT CAST(id AS TEXT) FROM licenceAllocation WHERE learnerId = \(id)))
                       OR (e.entity = 'charge' AND e.entityId IN (SELECT CAST(id AS TEXT) FROM charge WHERE learnerId = \(id)))
                       OR (e.entity = 'placeRequest' AND e.entityId IN (SELECT CAST(id AS TEXT) FROM placeRequest WHERE learnerId = \(id)))
                       OR (e.entity = 'certificate' AND e.entityId IN (SELECT CAST(c.id AS TEXT) FROM certificate c
                                                                       LEFT JOIN booking b ON b.id = c.bookingId
                                                                       LEFT JOIN licenceAllocation x ON x.id = c.allocationId
                                                                       WHERE b.learnerId = \(id) OR x.learnerId = \(id)))
                       OR (e.entity = 'creditNote' AND e.entityId IN (SELECT printf('CN-%04d', cn.number) FROM creditNote cn
                                                                      JOIN charge ch ON ch.id = cn.chargeId WHERE ch.learnerId = \(id)))
                    ORDER BY e.at, e.id
                    """),
            ]
            return SubjectAccessRecord(email: learner.email ?? address.text, gatheredAt: LondonTime.format(now()), sections: sections)
        }
    }
}
