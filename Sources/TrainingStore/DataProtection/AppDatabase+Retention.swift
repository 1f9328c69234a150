import Foundation
import GRDB
import TrainingCore

/// A learner the retention run anonymises, as a dry run lists them.
public struct InactiveLearner: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var agencyName: String?
    /// The London day of their latest booking, session, licence or evaluation (or of their record).
    public var lastActivity: LocalDate
}

/// What a retention run changes (or, dry, would change): listed first, then done in the same transaction.
public struct RetentionRun: Sendable, Hashable {
    public var policy: RetentionPolicy
    public var cutoffs: RetentionCutoffs
    public var learnersToAnonymise: [InactiveLearner]
    /// Evaluations and follow-ups whose free text is removed (their scores are kept).
    public var evaluationTexts: Int
    public var followUpTexts: Int
    /// Audit entries deleted.
    public var auditEntries: Int
    /// False for a dry run: nothing was changed.
    public var applied: Bool

    public var changesNothing: Bool {
        learnersToAnonymise.isEmpty && evaluationTexts == 0 && followUpTexts == 0 && auditEntries == 0
    }
}

extension AppDatabase {
    static func retentionPolicy(_ db: Database) throws -> RetentionPolicy {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM retentionPolicy WHERE id = 1") else { return .standard }
        return RetentionPolicy(inactiveLearnerYears: row["inactiveLearnerYears"], evaluationTextYears: row["evaluationTextYears"],
                               auditLogYears: row["auditLogYears"])
    }

    /// Changes one retention period (audited).
    @discardableResult
    public func setRetentionPeriod(_ key: String, to value: String, by actor: String) throws -> RetentionPolicy {
        try write { db in
            let before = try Self.retentionPolicy(db)
            let after = try before.setting(key, to: value)
            try db.execute(sql: """
                INSERT INTO retentionPolicy (id, inactiveLearnerYears, evaluationTextYears, auditLogYears, updatedAt)
                VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET inactiveLearnerYears = excluded.inactiveLearnerYears,
                    evaluationTextYears = excluded.evaluationTextYears, auditLogYears = excluded.auditLogYears,
                    updatedAt = excluded.updatedAt
                """, arguments: [after.inactiveLearnerYears, after.evaluationTextYears, after.auditLogYears, now()])
            try db.audit(.retentionPolicyChanged, entity: .retentionPolicy, id: 1, actor: actor, at: now(),
                         before: before, after: after)
            return after
        }
    }

    /// Applies the retention policy as it stands today: anonymises learners inactive for longer than their
    /// period, removes free text older than its period (keeping the scores), deletes old audit entries.
    /// With `dryRun` it only lists what it would change. Either way one transaction: the list is exactly
    /// what is changed. Every figure of every year is the same afterwards (bookings, agencies and scores stay).
    @discardableResult
    public func applyRetention(dryRun: Bool, by actor: String) throws -> RetentionRun {
        try write { db in
            let instant = now()
            let policy = try Self.retentionPolicy(db)
            let cutoffs = policy.cutoffs(today: LondonTime.date(of: instant))
            let activityCutoff = LondonTime.startOfDay(cutoffs.lastActivityBefore)
            let textCutoff = LondonTime.startOfDay(cutoffs.evaluationTextBefore)
            let auditCutoff = LondonTime.startOfDay(cutoffs.auditEntriesBefore)

            let inactive = try Self.inactiveLearners(since: activityCutoff, day: cutoffs.lastActivityBefore, in: db)
            let (evaluationTexts, followUpTexts) = try Self.freeTextCount(where: "submittedAt < ?", arguments: [textCutoff], in: db)
            let auditEntries = try db.count(sql: "SELECT COUNT(*) FROM auditEntry WHERE at < ?", arguments: [auditCutoff])
            var run = RetentionRun(policy: policy, cutoffs: cutoffs, learnersToAnonymise: inactive, evaluationTexts: evaluationTexts,
                                   followUpTexts: followUpTexts, auditEntries: auditEntries, applied: false)
            guard !dryRun, !run.changesNothing else { return run }

            try db.execute(sql: "DELETE FROM auditEntry WHERE at < ?", arguments: [auditCutoff])
            try Self.removeFreeText(where: "submittedAt < ?", arguments: [textCutoff], at: instant, in: db)
            for learner in inactive {
                try Self.anonymise(learnerId: learner.id, at: instant, in: db)
            }
            try db.audit(.retentionApplied, entity: .retentionPolicy, id: 1, actor: actor, at: instant,
                         before: RetentionPolicy?.none,
                         after: ["learnersAnonymised": inactive.count, "evaluationTextsRemoved": evaluationTexts,
                                 "followUpTextsRemoved": followUpTexts, "auditEntriesDeleted": auditEntries])
            run.applied = true
            return run
        }
    }

    /// Learners not yet anonymised with no booking, session, licence or evaluation on or after the cutoff,
    /// and whose record itself is older; with the day of their latest activity.
    static func inactiveLearners(since cutoff: Date, day: LocalDate, in db: Database) throws -> [InactiveLearner] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT l.id, l.name, a.name AS agencyName, l.createdAt,
                   (SELECT MAX(MAX(b.bookedAt, s.startsAt, COALESCE(b.cancelledAt, '')))
                      FROM booking b JOIN session s ON s.id = b.sessionId WHERE b.learnerId = l.id) AS lastBooking,
                   (SELECT MAX(MAX(x.allocatedOn, COALESCE(x.startedOn, ''), COALESCE(x.completedOn, ''), COALESCE(x.reclaimedOn, '')))
                      FROM licenceAllocation x WHERE x.learnerId = l.id) AS lastLicence,
                   (SELECT NULLIF(MAX(MAX(COALESCE(v.submittedAt, ''), COALESCE(f.submittedAt, ''))), '')
                      FROM booking b LEFT JOIN evaluation v ON v.bookingId = b.id LEFT JOIN followUp f ON f.bookingId = b.id
                      WHERE b.learnerId = l.id) AS lastEvaluation
            FROM learner l LEFT JOIN agency a ON a.id = l.agencyId
            WHERE l.anonymisedAt IS NULL AND l.createdAt < ?
            ORDER BY l.id
            """, arguments: [cutoff])
        return rows.compactMap { row in
            let created: Date = row["createdAt"]
            var latest = [row["lastBooking"] as Date?, row["lastEvaluation"] as Date?].compactMap { $0 }
                .map(LondonTime.date(of:)).reduce(LondonTime.date(of: created), max)
            if let licenceDay = (row["lastLicence"] as String?).flatMap({ try? LocalDate.parse($0) }) { latest = max(latest, licenceDay) }
            guard latest < day else { return nil }
            return InactiveLearner(id: row["id"], name: row["name"], agencyName: row["agencyName"], lastActivity: latest)
        }
    }

    /// An evaluation, and a follow-up, that still holds free text (SQL conditions).
    static let evaluationHoldsText = "textRemovedAt IS NULL AND (bestPart IS NOT NULL OR practiceChange IS NOT NULL OR improve IS NOT NULL)"
    static let followUpHoldsText = "textRemovedAt IS NULL AND (example IS NOT NULL OR barriers IS NOT NULL)"

    /// How many evaluations and follow-ups matching `condition` still hold free text.
    static func freeTextCount(where condition: String, arguments: StatementArguments, in db: Database) throws -> (evaluations: Int, followUps: Int) {
        (try db.count(sql: "SELECT COUNT(*) FROM evaluation WHERE \(condition) AND \(evaluationHoldsText)", arguments: arguments),
         try db.count(sql: "SELECT COUNT(*) FROM followUp WHERE \(condition) AND \(followUpHoldsText)", arguments: arguments))
    }

    /// Removes the free-text answers of the evaluations and follow-ups matching `condition`; scores stay.
    static func removeFreeText(where condition: String, arguments: StatementArguments, at instant: Date, in db: Database) throws {
        try db.execute(sql: """
            UPDATE evaluation SET bestPart = NULL, practiceChange = NULL, improve = NULL, textRemovedAt = ?
            WHERE \(condition) AND \(evaluationHoldsText)
            """, arguments: [instant] + arguments)
        try db.execute(sql: """
            UPDATE followUp SET example = NULL, barriers = NULL, textRemovedAt = ?
            WHERE \(condition) AND \(followUpHoldsText)
            """, arguments: [instant] + arguments)
    }
}

extension StoreReading {
    /// The retention policy in force: the stored one, or the defaults until the officer sets one.
    public func retentionPolicy() throws -> RetentionPolicy {
        try read(AppDatabase.retentionPolicy)
    }
}
