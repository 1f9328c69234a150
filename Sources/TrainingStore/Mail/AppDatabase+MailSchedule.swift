import Foundation
import GRDB
import TrainingCore

/// What one scheduler pass owed.
public struct ScheduledMessages: Sendable, Hashable {
    public var reminders = 0
    public var invitations = 0
    public var officerAlerts = 0
    /// Requests for places nobody decided before their session stopped taking bookings, now lapsed (each
    /// owing its learner, copied to their bookers, a message).
    public var requestsLapsed = 0
    /// Reminders that a course falls due again (issue 22).
    public var refresherReminders = 0

    public init() {}

    public var total: Int { reminders + invitations + officerAlerts + requestsLapsed + refresherReminders }
}

extension AppDatabase {
    /// Writes the messages that have fallen due by now (issue 18), each exactly once (its `dueKey`):
    /// - the joining instructions to each learner with a confirmed place, `reminder-working-days` working
    ///   days before the session (or at once, for a place booked later than that);
    /// - each evaluation and follow-up link falling due and not yet given out (the mail-merge CSV gives out
    ///   only those mail has not);
    /// - to the officer: each session under its minimum numbers near its cut-off (NeedsAttention) and each
    ///   live licence pool with under a tenth left;
    /// - each request for a place still undecided when its session stopped taking bookings is recorded as
    ///   lapsed, and its learner and their bookers told (`lapseWaitingRequests` does this while mail is off);
    /// - to each learner and their agency's bookers: a course falling due again in 60 days
    ///   (`oweRefresherReminders`).
    /// The new places' messages still owed are queued first (`queueOwedPlaceMessages`). Nothing while mail
    /// is off. `training mail send` and `training serve` run it.
    @discardableResult
    public func scheduleDueMessages() throws -> ScheduledMessages {
        guard try settings().mail.isOn else { return ScheduledMessages() }
        let attention = try needsAttention()
        return try write { db in
            let instant = now()
            let today = LondonTime.date(of: instant)
            // First, so the outbox keeps the order of events (the messages of this pass come after them).
            try Self.queueOwedPlaceMessages(in: db)
            let settings = try Self.settings(db)
            var scheduled = ScheduledMessages()
            scheduled.reminders = try Self.oweReminders(reminderWorkingDays: settings.mail.reminderWorkingDays, today: today, at: instant, in: db)
            scheduled.invitations = try Self.oweInvitations(today: today, at: instant, in: db)
            scheduled.refresherReminders = try Self.oweRefresherReminders(today: today, at: instant, in: db)
            scheduled.requestsLapsed = try Self.lapseWaitingRequests(at: instant, in: db)
            for session in attention.underMinimum {
                let summary = session.summary
                guard let sessionId = summary.session.id else { continue }
                let alerted = try Self.oweOfficerMessage(.underMinimum, sessionId: sessionId, dueKey: "under-minimum:\(sessionId)",
                                                         at: instant, in: db) {
                    $0.courseTitle = summary.courseTitle
                    $0.describe(summary.session)
                    $0.bookedCount = summary.placesTaken
                    $0.cutoffDate = MessageWording.longDate(session.decideBy)
                }
                if alerted { scheduled.officerAlerts += 1 }
            }
            for pool in attention.licencePools where pool.concerns.contains(.runningLow) {
                guard let poolId = pool.status.pool?.id else { continue }
                let alerted = try Self.oweOfficerMessage(.licencePoolLow, dueKey: "licence-pool-low:\(poolId)", at: instant, in: db) {
                    $0.poolName = pool.status.pool?.supplier.map { "\($0) (pool \(poolId))" } ?? "Pool \(poolId)"
                    $0.licencesLeft = pool.status.available
                }
                if alerted { scheduled.officerAlerts += 1 }
            }
            return scheduled
        }
    }

    /// The joining instructions of every confirmed place on a session that has not started, from its
    /// reminder day on (that many working days before the session's day).
    static func oweReminders(reminderWorkingDays: Int, today: LocalDate, at instant: Date, in db: Database) throws -> Int {
        let calendar = try workingCalendar(db)
        // A reminder day is at most `reminderWorkingDays` working days back, so never more than a few weeks.
        let horizon = today.adding(days: reminderWorkingDays * 2 + 21)
        let sessions = try Session.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM session WHERE status = 'scheduled' AND startsAt > ? AND startDate <= ? ORDER BY startsAt
            """), arguments: [instant, horizon])
        var owed = 0
        for session in sessions where calendar.workingDay(reminderWorkingDays, before: session.startDate) <= today {
            let bookings = try Booking.fetchAll(db.cachedStatement(sql: """
                SELECT b.* FROM booking b
                WHERE b.sessionId = ? AND b.status = 'confirmed'
                  AND NOT EXISTS (SELECT 1 FROM outboxMessage m WHERE m.dueKey = 'reminder:' || b.id || ':' || ?)
                ORDER BY b.id
                """), arguments: [session.id, session.startDate])
            for booking in bookings {
                if try oweLearnerMessage(.reminder, about: booking, on: session, copyingBookers: false,
                                         dueKey: "reminder:\(booking.id ?? 0):\(session.startDate)", at: instant, in: db) { owed += 1 }
            }
        }
        return owed
    }

    /// How far back an invitation not yet given out is still sent by email: a week, so turning mail on
    /// does not send links for sessions long past (the mail-merge CSV still gives those out).
    static let invitationLookBackDays = 7

    /// An invitation to evaluate, or to the follow-up, for every link due in the last week and not yet
    /// given out.
    static func oweInvitations(today: LocalDate, at instant: Date, in db: Database) throws -> Int {
        let due = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT i.id, i.kind, i.bookingId FROM evaluationInvitation i
            WHERE i.usedAt IS NULL AND i.sentAt IS NULL AND i.dueOn BETWEEN ? AND ?
              AND NOT EXISTS (SELECT 1 FROM outboxMessage m WHERE m.dueKey = 'invitation:' || i.id)
            ORDER BY i.dueOn, i.id
            """), arguments: [today.adding(days: -invitationLookBackDays), today])
        var owed = 0
        for row in due {
            let booking = try Self.booking(row["bookingId"], in: db)
            let session = try Self.session(booking.sessionId, in: db)
            let kind: InvitationKind = try row.word("kind")
            let invitationId: Int64 = row["id"]
            if try oweLearnerMessage(kind == .evaluation ? .evaluationInvitation : .followUpInvitation, about: booking, on: session,
                                     copyingBookers: false, dueKey: "invitation:\(invitationId)", at: instant, in: db) { owed += 1 }
        }
        return owed
    }
}
