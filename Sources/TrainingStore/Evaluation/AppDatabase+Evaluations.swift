import Crypto
import Foundation
import GRDB
import TrainingCore

/// Why a personal link was refused. The messages say nothing about any other learner.
public enum InvitationError: Error, Sendable, Equatable, UserFacingError {
    case unknown
    case alreadyUsed
    case expired

    public var errorDescription: String? {
        switch self {
        case .unknown: return "this link is not valid: check it was copied whole, or ask the training team for a new one"
        case .alreadyUsed: return "this link has already been used: thank you, your answers are recorded"
        case .expired: return "this link has expired: ask the training team for a new one"
        }
    }
}

/// A link issued to a learner, for a mail-merge.
public struct IssuedInvitation: Sendable, Equatable {
    public var kind: InvitationKind
    public var learnerName: String
    public var email: String
    public var courseTitle: String
    public var sessionDate: LocalDate
    public var link: String
    public var expiresOn: LocalDate
}

/// What a historical import did; rows that match no attended booking come back with the reason.
public struct EvaluationImportSummary: Sendable, Equatable {
    public var added = 0
    public var unchanged = 0
    public var rejected: [(line: Int, reason: String)] = []

    public static func == (lhs: EvaluationImportSummary, rhs: EvaluationImportSummary) -> Bool {
        lhs.added == rhs.added && lhs.unchanged == rhs.unchanged
            && lhs.rejected.map(\.line) == rhs.rejected.map(\.line) && lhs.rejected.map(\.reason) == rhs.rejected.map(\.reason)
    }
}

extension AppDatabase {
    /// Creates the evaluation invitation (due at once) and the follow-up (due after the follow-up interval)
    /// of every attended booking of a session just delivered.
    static func createInvitations(forSession session: Session, deliveredOn today: LocalDate, at instant: Date, in db: Database) throws {
        let followUpDue = session.startDate.adding(days: try settings(db).followUpDueDays)
        try db.cachedStatement(sql: """
            INSERT INTO evaluationInvitation (bookingId, kind, createdAt, dueOn)
            SELECT id, 'evaluation', ?, ? FROM booking b WHERE sessionId = ? AND status = 'attended'
                AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.bookingId = b.id)
            UNION ALL
            SELECT id, 'follow-up', ?, ? FROM booking WHERE sessionId = ? AND status = 'attended'
            """).execute(arguments: [instant, today, session.id, instant, followUpDue, session.id])
    }

    /// Issues a personal link for every invitation that is due and not yet sent (with `resend`, also those
    /// sent but unanswered, whose old link stops working). Only a hash of each token is kept, so the links
    /// exist only in what this returns: give them to the mail-merge.
    public func issueDueInvitations(resend: Bool = false, by actor: String) throws -> [IssuedInvitation] {
        try write { db in
            let instant = now()
            let today = LondonTime.date(of: instant)
            let settings = try Self.settings(db)
            // Two spellings of the condition rather than `(sentAt IS NULL OR ?)`, which SQLite cannot use the
            // (usedAt, sentAt, dueOn) index for: it read every unanswered invitation ever issued each time.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT i.id, i.kind, l.name, l.email, c.title, s.startDate
                FROM evaluationInvitation i
                JOIN booking b ON b.id = i.bookingId JOIN learner l ON l.id = b.learnerId
                JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
                WHERE i.usedAt IS NULL AND \(resend ? "" : "i.sentAt IS NULL AND ") i.dueOn <= ? AND l.email IS NOT NULL
                ORDER BY i.dueOn, i.id
                """), arguments: [today])
            let expires = instant.addingTimeInterval(Double(settings.linkValidDays) * 86_400)
            var issued: [IssuedInvitation] = []
            for row in rows {
                let token = SecretToken.make()
                try db.cachedStatement(sql: "UPDATE evaluationInvitation SET tokenHash = ?, sentAt = ?, expiresAt = ? WHERE id = ?")
                    .execute(arguments: [Self.hash(token), instant, expires, row["id"] as Int64])
                let kind: InvitationKind = try row.word("kind")
                issued.append(IssuedInvitation(kind: kind, learnerName: row["name"], email: row["email"], courseTitle: row["title"],
                                               sessionDate: row["startDate"],
                                               link: "\(settings.baseURL)/\(kind == .evaluation ? "evaluate" : "follow-up")/\(token)",
                                               expiresOn: LondonTime.date(of: expires)))
            }
            if !issued.isEmpty {
                try db.audit(.evaluationLinksIssued, entity: .evaluationInvitation, id: nil, actor: actor, at: instant,
                             before: [String: Int]?.none, after: ["count": issued.count])
            }
            return issued
        }
    }


    static func hash(_ token: String) -> Data { Data(SHA256.hash(data: Data(token.utf8))) }

    /// Finds the unused, unexpired invitation of `kind` a token opens, or says why not.
    static func invitation(for token: String, kind: InvitationKind, at instant: Date, in db: Database) throws -> (id: Int64, bookingId: Int64) {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
              let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, bookingId, usedAt, expiresAt FROM evaluationInvitation WHERE tokenHash = ? AND kind = ?"),
                                         arguments: [hash(trimmed), kind.rawValue]) else {
            throw InvitationError.unknown
        }
        if (row["usedAt"] as Date?) != nil { throw InvitationError.alreadyUsed }
        if let expires = row["expiresAt"] as Date?, expires <= instant { throw InvitationError.expired }
        return (row["id"], row["bookingId"])
    }

    /// Records a learner's evaluation from their personal link; the link then stops working.
    public func submitEvaluation(token: String, answers: EvaluationAnswers) throws {
        try write { db in
            let instant = now()
            let invitation = try Self.invitation(for: token, kind: .evaluation, at: instant, in: db)
            try Self.insertEvaluation(bookingId: invitation.bookingId, answers: answers, submittedAt: instant, in: db)
            try Self.markUsed(invitation.id, at: instant, in: db)
        }
    }

    /// Records a learner's follow-up from their personal link; the link then stops working.
    public func submitFollowUp(token: String, answers: FollowUpAnswers) throws {
        try write { db in
            let instant = now()
            let invitation = try Self.invitation(for: token, kind: .followUp, at: instant, in: db)
            try db.cachedStatement(sql: """
                INSERT INTO followUp (bookingId, submittedAt, usedInPractice, example, difference, barriers) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [invitation.bookingId, instant, answers.used.rawValue, answers.example, answers.difference, answers.barriers])
            try Self.markUsed(invitation.id, at: instant, in: db)
        }
    }

    /// Marks a personal link as used, so it stops working.
    static func markUsed(_ invitationId: Int64, at instant: Date, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE evaluationInvitation SET usedAt = ? WHERE id = ?").execute(arguments: [instant, invitationId])
    }

    static func insertEvaluation(bookingId: Int64, answers: EvaluationAnswers, submittedAt: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO evaluation (bookingId, submittedAt, satisfaction, knowledge, confidenceBefore, confidenceAfter,
                bestPart, practiceChange, improve) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [bookingId, submittedAt, answers.satisfaction, answers.knowledge.rawValue, answers.confidenceBefore,
                             answers.confidenceAfter, answers.bestPart, answers.practiceChange, answers.improve])
    }

    /// Brings in evaluations from a previous system. A row is matched to the learner's attended booking on
    /// the session (by its reference, or its number); one already answered is left alone, so importing the
    /// same file twice changes nothing; a row with no attended booking comes back as a reject. `progress`, if
    /// given, is told the fraction of rows gone through, every thousand rows and at the end.
    @discardableResult
    public func importEvaluations(_ rows: [HistoricalEvaluation], by actor: String,
                                  progress: ((Double) -> Void)? = nil) throws -> EvaluationImportSummary {
        try write { db in
            var rowsDone = ProgressCounter(total: rows.count, to: progress)
            let summary = try Self.importEvaluations(rows, in: db, counting: &rowsDone)
            rowsDone.finish()
            if summary.added > 0 {
                try db.audit(.evaluationsImported, entity: .evaluation, id: nil, actor: actor, at: now(),
                             before: [String: Int]?.none, after: ["count": summary.added])
            }
            return summary
        }
    }

    /// Imports the rows inside the caller's transaction, counting each one gone through in `rowsDone`.
    static func importEvaluations(_ rows: [HistoricalEvaluation], in db: Database,
                                  counting rowsDone: inout ProgressCounter) throws -> EvaluationImportSummary {
        var summary = EvaluationImportSummary()
        for row in rows {
            defer { rowsDone.advance() }
            let reference = row.sessionReference.trimmingCharacters(in: .whitespaces)
            let sessionId = try Int64.fetchOne(db, sql: "SELECT id FROM session WHERE reference = ?", arguments: [reference])
                ?? Int64(reference.hasPrefix("#") ? String(reference.dropFirst()) : reference)
            guard let sessionId, try Session.fetchOne(db, key: sessionId) != nil else {
                summary.rejected.append((row.line, "unknown session '\(reference)'"))
                continue
            }
            guard let booking = try Row.fetchOne(db, sql: """
                SELECT b.id, b.status FROM booking b JOIN learner l ON l.id = b.learnerId
                WHERE b.sessionId = ? AND l.email = ? AND b.status <> 'cancelled'
                """, arguments: [sessionId, row.learnerEmail.trimmingCharacters(in: .whitespaces)]) else {
                summary.rejected.append((row.line, "\(row.learnerEmail) has no booking on session '\(reference)'"))
                continue
            }
            let status: BookingStatus = try booking.word("status")
            guard status == .attended else {
                summary.rejected.append((row.line, "\(row.learnerEmail) did not attend session '\(reference)' (\(status.rawValue))"))
                continue
            }
            let bookingId: Int64 = booking["id"]
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM evaluation WHERE bookingId = ?)", arguments: [bookingId]) == true {
                summary.unchanged += 1
                continue
            }
            try insertEvaluation(bookingId: bookingId, answers: row.answers, submittedAt: LondonTime.startOfDay(row.submittedOn), in: db)
            try db.execute(sql: "UPDATE evaluationInvitation SET usedAt = ? WHERE bookingId = ? AND kind = 'evaluation' AND usedAt IS NULL",
                           arguments: [LondonTime.startOfDay(row.submittedOn), bookingId])
            summary.added += 1
        }
        return summary
    }
}

extension StoreReading {
    /// What a personal link is for, so its form can say which course it asks about; refuses a link that
    /// is unknown, used or expired, saying nothing about anyone.
    public func invitationSubject(token: String, kind: InvitationKind) throws -> (courseTitle: String, sessionDate: LocalDate) {
        try read { db in
            let invitation = try AppDatabase.invitation(for: token, kind: kind, at: now(), in: db)
            let row = try Row.fetchOne(db, sql: """
                SELECT c.title, s.startDate FROM booking b JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
                WHERE b.id = ?
                """, arguments: [invitation.bookingId]).required("booking \(invitation.bookingId)")
            return (row["title"], row["startDate"])
        }
    }
}
