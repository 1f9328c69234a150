import Foundation
import GRDB
import TrainingCore

/// A learner's own page, "My training" (issue 22), as their personal link opens it: their places to come,
/// their requests for places, the record of what they have done, the evaluations waiting for their
/// answers, when each course with a refresher interval falls due again, and whether they may ask for
/// places. Nothing about anyone else.
public struct OwnTraining: Sendable, Equatable {
    /// One session or e-learning module done: an attended place, or a completed module (imported history
    /// included, as it happened).
    public struct Learning: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// An attended place, by its booking.
            case session(booking: Int64)
            /// A completed module, by its licence allocation.
            case eLearning(allocation: Int64)
        }

        public var kind: Kind
        public var courseTitle: String
        public var level: CourseLevel
        /// The session's day, or the day the module was completed.
        public var on: LocalDate
        /// The session's length, or the module's (its course's duration).
        public var minutes: Int
    }

    /// An evaluation or follow-up of one of their sessions, due and not yet answered.
    public struct EvaluationDue: Sendable, Hashable {
        public var invitationId: Int64
        public var kind: InvitationKind
        public var courseTitle: String
        public var sessionDate: LocalDate
        public var dueOn: LocalDate
    }

    public var learnerId: Int64
    public var learnerName: String
    /// The place the page was opened for, when a "manage my place" link opened it.
    public var linkedPlace: OwnPlace?
    /// Confirmed and waiting places on sessions still to start, soonest first.
    public var places: [OwnPlace]
    /// Their requests for places, latest first.
    public var requests: [PlaceRequestLine]
    /// What they have done, latest first.
    public var record: [Learning]
    /// Evaluations and follow-ups due and not yet answered, oldest due first.
    public var evaluationsDue: [EvaluationDue]
    /// Each course done that has a refresher interval, with when it falls due again (RefresherDue), soonest
    /// first.
    public var refreshers: [CourseRecord]
    /// Whether their agency lets them ask for places from this page.
    public var mayRequestPlaces: Bool
}

extension StoreReading {
    /// The page the personal link `token` opens (a learner's link, or a "manage my place" link while its
    /// place is live); `PlaceLinkError` for a link that cannot be used, saying nothing of anyone.
    public func ownTraining(token: String) throws -> OwnTraining {
        try read { db in
            let instant = now()
            let access = try AppDatabase.learnerAccess(token: token, at: instant, in: db)
            return try AppDatabase.ownTraining(of: access, at: instant, in: db)
        }
    }

    /// The sessions the learner whose page `token` opens may ask for a place on now: open for booking, and
    /// neither held nor already asked for. Empty unless their agency takes requests.
    public func sessionsToRequest(token: String) throws -> [SessionSummary] {
        try read { db in
            let instant = now()
            let access = try AppDatabase.learnerAccess(token: token, at: instant, in: db)
            guard let agencyId = try Int64.fetchOne(db, sql: "SELECT agencyId FROM learner WHERE id = ?", arguments: [access.learnerId]),
                  try AppDatabase.agencyTakesRequests(agencyId, in: db) else { return [] }
            let taken = try Set(Int64.fetchAll(db, sql: """
                SELECT sessionId FROM booking WHERE learnerId = ?1 AND status <> 'cancelled'
                UNION SELECT sessionId FROM placeRequest WHERE learnerId = ?1 AND state = 'requested'
                """, arguments: [access.learnerId]))
            return try AppDatabase.summaries(db, SQLFilter("s.status = ? AND s.startsAt > ?", [SessionStatus.scheduled.rawValue, StoredInstant(instant)]))
                .filter { summary in summary.session.bookingWindow.isOpen(at: instant) && !taken.contains(summary.session.id ?? 0) }
        }
    }
}

extension AppDatabase {
    static func ownTraining(of access: LearnerAccess, at instant: Date, in db: Database) throws -> OwnTraining {
        guard let learner = try Learner.fetchOne(db, key: access.learnerId), learner.anonymisedAt == nil else { throw PlaceLinkError.unknown }
        let learnerId = access.learnerId
        let places = try Int64.fetchAll(db, sql: """
            SELECT b.id FROM booking b JOIN session s ON s.id = b.sessionId
            WHERE b.learnerId = ? AND b.status IN ('confirmed', 'waitlisted') AND s.status = 'scheduled' AND s.startsAt > ?
            ORDER BY s.startsAt, b.id
            """, arguments: [learnerId, StoredInstant(instant)]).map { try ownPlace(booking: $0, at: instant, in: db) }
        let requests = try placeRequestLines(db, SQLFilter("r.learnerId = ?", [learnerId]), at: instant)
            .sorted { ($0.request.requestedAt, $0.request.id ?? 0) > ($1.request.requestedAt, $1.request.id ?? 0) }
        let today = LondonTime.date(of: instant)
        let evaluations = try Row.fetchAll(db, sql: """
            SELECT i.id, i.kind, i.dueOn, c.title, s.startDate FROM evaluationInvitation i JOIN booking b ON b.id = i.bookingId
            JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
            WHERE b.learnerId = ? AND b.status = 'attended' AND i.usedAt IS NULL AND i.dueOn <= ?
            ORDER BY i.dueOn, i.id
            """, arguments: [learnerId, today]).map { row in
            OwnTraining.EvaluationDue(invitationId: row["id"], kind: try row.word("kind"), courseTitle: row["title"],
                                      sessionDate: row["startDate"], dueOn: row["dueOn"])
        }
        return OwnTraining(learnerId: learnerId, learnerName: learner.name,
                           linkedPlace: places.first { $0.booking == access.placeBooking }, places: places, requests: requests,
                           record: try learningRecord(of: learnerId, in: db), evaluationsDue: evaluations,
                           refreshers: try refreshersDue(of: learnerId, in: db),
                           mayRequestPlaces: try learner.agencyId.map { try agencyTakesRequests($0, in: db) } ?? false)
    }

    /// The courses a learner has done that have a refresher interval, soonest due first.
    static func refreshersDue(of learnerId: Int64, in db: Database) throws -> [CourseRecord] {
        (try courseRecords(of: SQLFilter("l.id = ?", [learnerId]), in: db)[learnerId] ?? [])
            .filter { $0.refresher != nil }
            .sorted { ($0.refresher?.dueOn ?? $0.lastDone, $0.courseTitle) < ($1.refresher?.dueOn ?? $1.lastDone, $1.courseTitle) }
    }

    /// Every session a learner attended and every module they completed, latest first.
    static func learningRecord(of learnerId: Int64, in db: Database) throws -> [OwnTraining.Learning] {
        let sessions = try Row.fetchAll(db, sql: """
            SELECT b.id, c.title, c.level, s.startDate, s.startsAt, s.endsAt FROM booking b
            JOIN session s ON s.id = b.sessionId JOIN course c ON c.id = s.courseId
            WHERE b.learnerId = ? AND b.status = 'attended'
            """, arguments: [learnerId]).map { row in
            OwnTraining.Learning(kind: .session(booking: row["id"]), courseTitle: row["title"], level: try row.word("level"), on: row["startDate"],
                                 minutes: Int((row["endsAt"] as Date).timeIntervalSince(row["startsAt"] as Date) / 60))
        }
        let modules = try Row.fetchAll(db, sql: """
            SELECT a.id, c.title, c.level, a.completedOn, c.durationMinutes FROM licenceAllocation a JOIN course c ON c.id = a.courseId
            WHERE a.learnerId = ? AND a.status = 'completed' AND a.completedOn IS NOT NULL
            """, arguments: [learnerId]).map { row in
            OwnTraining.Learning(kind: .eLearning(allocation: row["id"]), courseTitle: row["title"], level: try row.word("level"),
                                 on: row["completedOn"], minutes: row["durationMinutes"])
        }
        return (sessions + modules).sorted { ($0.on, $0.courseTitle) > ($1.on, $1.courseTitle) }
    }
}

extension AppDatabase {
    /// The learner whose page `token` opens goes to answer one of their evaluations or follow-ups: a new
    /// token for it is given out (the one emailed stops working, as with `training evaluations due
    /// --resend`), and the path of its page returned. Another learner's, or one answered, is `unknown`.
    public func openOwnEvaluation(token: String, invitation id: Int64) throws -> String {
        try write { db in
            let instant = now()
            let access = try Self.learnerAccess(token: token, at: instant, in: db)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT i.bookingId, i.kind FROM evaluationInvitation i JOIN booking b ON b.id = i.bookingId
                WHERE i.id = ? AND b.learnerId = ? AND i.usedAt IS NULL
                """, arguments: [id, access.learnerId]),
                let path = try Self.issueInvitationPath(booking: row["bookingId"], kind: try row.word("kind"), settings: try Self.settings(db),
                                                        at: instant, in: db) else { throw PlaceLinkError.unknown }
            try db.audit(.evaluationLinksIssued, entity: .evaluationInvitation, id: id, actor: Self.learnersOwnActor, at: instant,
                         before: [String: Int]?.none, after: ["count": 1])
            return path
        }
    }
}

extension StoreReading {
    /// Refuses, saying nothing of anyone (`PlaceLinkError`), unless `learning` (a booking, or a licence
    /// allocation) is the learner's whose page `token` opens: what their certificate downloads ask first.
    public func checkOwnLearning(token: String, _ learning: OwnTraining.Learning.Kind) throws {
        try read { db in
            let access = try AppDatabase.learnerAccess(token: token, at: now(), in: db)
            let owner = switch learning {
            case .session(let booking): try Int64.fetchOne(db, sql: "SELECT learnerId FROM booking WHERE id = ?", arguments: [booking])
            case .eLearning(let allocation): try Int64.fetchOne(db, sql: "SELECT learnerId FROM licenceAllocation WHERE id = ?", arguments: [allocation])
            }
            guard owner == access.learnerId else { throw PlaceLinkError.unknown }
        }
    }

    /// The email of the learner whose page `token` opens (to gather all their certificates).
    public func ownEmail(token: String) throws -> String {
        try read { db in
            let access = try AppDatabase.learnerAccess(token: token, at: now(), in: db)
            guard let email = try String.fetchOne(db, sql: "SELECT email FROM learner WHERE id = ?", arguments: [access.learnerId]) else {
                throw PlaceLinkError.unknown
            }
            return email
        }
    }
}
