import Foundation
import GRDB
import TrainingCore

/// Requests for places (issue 22): a learner whose agency takes requests asks for a place on an open
/// session from their own page; the agency's bookers are told and decide. An approval is a booking like
/// any other, made in the same transaction by the same intention (confirmed, or the waiting list when the
/// session filled meanwhile); a decline has a reason, which the learner is told; a request nobody decides
/// before the session stops taking bookings lapses, and both are told. Every step is audited.
extension AppDatabase {
    /// Lets an agency's staff ask for places from their own page, or stops them (the officer's setting,
    /// off for every agency until turned on). Requests already waiting stay to be decided. Audited.
    public func setAgencyTakesRequests(agencyName: String, _ takes: Bool, by actor: String) throws {
        try write { db in
            let instant = now()
            let agency = try Self.agency(named: agencyName, in: db, at: InputLocation(field: "agency"))
            let agencyId = try agency.storedID
            let before = try Self.agencyTakesRequests(agencyId, in: db)
            guard before != takes else { return }
            if takes {
                try db.execute(sql: "INSERT INTO agencyTakingRequests (agencyId, since, allowedBy) VALUES (?, ?, ?)",
                               arguments: [agencyId, StoredInstant(instant), actor])
            } else {
                try db.execute(sql: "DELETE FROM agencyTakingRequests WHERE agencyId = ?", arguments: [agencyId])
            }
            try db.audit(takes ? .placeRequestsAllowed : .placeRequestsStopped, entity: .agency, id: agencyId, actor: actor, at: instant,
                         before: ["takesRequests": before], after: ["takesRequests": takes])
        }
    }

    /// The learner whose page `token` opens asks for a place on `session` (PlaceRequestRules); their
    /// agency's bookers are told. Returns the request.
    @discardableResult
    public func requestPlace(token: String, session sessionId: Int64) throws -> PlaceRequest {
        try write { db in
            let instant = now()
            let access = try Self.learnerAccess(token: token, at: instant, in: db)
            guard let learner = try Learner.fetchOne(db, key: access.learnerId) else { throw PlaceLinkError.unknown }
            let session = try Self.session(sessionId, in: db)
            let onSession = try Self.learnerOnSession(learner, session, overridingPrerequisites: false, in: db)
            let waiting = try db.count(cachedSQL: """
                SELECT COUNT(*) FROM placeRequest WHERE learnerId = ? AND sessionId = ? AND state = 'requested'
                """, arguments: [access.learnerId, sessionId]) > 0
            let takes = try learner.agencyId.map { try Self.agencyTakesRequests($0, in: db) } ?? false
            try PlaceRequestRules.checkRequest(PlaceRequestFacts(
                agencyTakesRequests: takes, window: session.bookingWindow, heldStatus: onSession.heldStatus,
                hasOpenRequest: waiting, missingPrerequisites: onSession.missingPrerequisites), at: instant)
            guard let agencyId = learner.agencyId else { throw PlaceRequestRefusal.agencyDoesNotTakeRequests }
            var request = PlaceRequest(id: nil, learnerId: access.learnerId, sessionId: sessionId, agencyId: agencyId, requestedAt: instant,
                                       state: .requested, decidedAt: nil, decidedBy: nil, reason: nil, bookingId: nil)
            try request.insert(db)
            try db.audit(.placeRequested, entity: .placeRequest, id: request.storedID, actor: Self.learnersOwnActor, at: instant,
                         before: PlaceRequest?.none, after: request)
            try Self.oweRequestToBookers(request, learner: learner, session: session, at: instant, in: db)
            return request
        }
    }

    /// A booker of the request's agency approves it: the learner is booked by the booking intention in
    /// this same transaction (a confirmed place, or the waiting list when the session is full), under the
    /// same rules, and told as any booked learner is. Returns the booking's outcome.
    @discardableResult
    public func approvePlaceRequest(_ id: Int64, agencyId: Int64, by actor: String) throws -> BookingOutcome {
        try write { db in
            let instant = now()
            var request = try Self.placeRequest(id, agencyId: agencyId, in: db)
            let session = try Self.session(request.sessionId, in: db)
            try PlaceRequestRules.checkDecision(stored: request.state, window: session.bookingWindow, at: instant)
            guard let email = try String.fetchOne(db, sql: "SELECT email FROM learner WHERE id = ?", arguments: [request.learnerId]) else {
                throw UnknownPlaceRequest(id: id)
            }
            let outcome = try Self.book(session: request.sessionId, learner: try EmailAddress(email), by: actor, overridePrerequisites: false,
                                        at: instant, in: db)
            let before = request
            request.state = .approved
            request.decidedAt = instant
            request.decidedBy = actor
            request.bookingId = outcome.booking.id
            try request.update(db)
            try db.audit(.placeRequestApproved, entity: .placeRequest, id: id, actor: actor, at: instant, before: before, after: request)
            return outcome
        }
    }

    /// A booker of the request's agency declines it with a reason, which the learner is told.
    public func declinePlaceRequest(_ id: Int64, agencyId: Int64, reason: String?, by actor: String) throws {
        guard let reason = reason?.nilIfBlank else {
            throw InputError("say why the request is declined: the learner is told", at: InputLocation(input: .reason))
        }
        try StoredText.check(reason, as: .reason, at: InputLocation(input: .reason), name: "the reason")
        try write { db in
            let instant = now()
            var request = try Self.placeRequest(id, agencyId: agencyId, in: db)
            let session = try Self.session(request.sessionId, in: db)
            try PlaceRequestRules.checkDecision(stored: request.state, window: session.bookingWindow, at: instant)
            let before = request
            request.state = .declined
            request.decidedAt = instant
            request.decidedBy = actor
            request.reason = reason
            try request.update(db)
            try db.audit(.placeRequestDeclined, entity: .placeRequest, id: id, actor: actor, at: instant, before: before, after: request)
            try Self.oweRequestMessage(.requestDeclined, about: request, on: session, copyingBookers: false, at: instant, in: db) {
                $0.reason = reason
            }
        }
    }

    /// Records as lapsed every request still waiting whose session has stopped taking bookings, as the
    /// scheduler's pass does: for `training serve` while mail is off. Returns how many lapsed.
    @discardableResult
    public func lapseWaitingRequests() throws -> Int {
        try write { db in try Self.lapseWaitingRequests(at: now(), in: db) }
    }

    /// Records as lapsed every request still waiting whose session has stopped taking bookings (its
    /// cut-off passed, it started, or it was cancelled), telling the learner, copied to their bookers.
    /// Run by the scheduler's pass (`scheduleDueMessages`); the pages show such a request lapsed before it
    /// runs. Returns how many lapsed.
    static func lapseWaitingRequests(at instant: Date, in db: Database) throws -> Int {
        let waiting = try PlaceRequest.fetchAll(db.cachedStatement(sql: """
            SELECT r.* FROM placeRequest r JOIN session s ON s.id = r.sessionId
            WHERE r.state = 'requested' AND (s.status <> 'scheduled' OR s.startsAt <= ? OR s.bookingCutoffAt < ?)
            ORDER BY r.id
            """), arguments: [StoredInstant(instant), StoredInstant(instant)])
        var lapsed = 0
        for var request in waiting {
            let session = try Self.session(request.sessionId, in: db)
            guard PlaceRequestRules.hasLapsed(session.bookingWindow, at: instant) else { continue }
            let before = request
            request.state = .lapsed
            request.decidedAt = instant
            request.decidedBy = Self.schedulerActor
            try request.update(db)
            try db.audit(.placeRequestLapsed, entity: .placeRequest, id: request.id, actor: Self.schedulerActor, at: instant,
                         before: before, after: request)
            try Self.oweRequestMessage(.requestLapsed, about: request, on: session, copyingBookers: true, at: instant, in: db)
            lapsed += 1
        }
        return lapsed
    }

    /// Who the audit log says lapsed a request.
    static let schedulerActor = "scheduler"

    /// Owes each active booker of the request's agency a message: one of their learners asks for a place.
    static func oweRequestToBookers(_ request: PlaceRequest, learner: Learner, session: Session, at instant: Date, in db: Database) throws {
        guard let settings = try settingsOwing(.placeRequested, in: db) else { return }
        let bookers = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, email, name FROM appUser WHERE role = 'booker' AND agencyId = ? AND isActive = 1 ORDER BY email
            """), arguments: [request.agencyId])
        let title = try courseTitle(of: session, in: db)
        for booker in bookers {
            var facts = MessageFacts(partnershipName: settings.partnershipName, recipientName: booker["name"])
            facts.learnerName = learner.name
            facts.courseTitle = title
            facts.describe(session)
            facts.cutoffDate = MessageWording.longDate(LondonTime.date(of: PlaceRequestRules.decideBy(session.bookingWindow)))
            facts.requestsLink = "\(settings.baseURL)/agency/requests"
            var message = OutboxMessage(kind: .placeRequested, to: booker["email"], name: booker["name"], facts: facts, at: instant)
            message.userId = booker["id"]
            message.learnerId = request.learnerId
            message.agencyId = request.agencyId
            message.sessionId = session.id
            try message.insertQueued(db)
        }
    }

    /// Owes the request's learner a message about it, copied to their agency's bookers when asked.
    static func oweRequestMessage(_ kind: MessageKind, about request: PlaceRequest, on session: Session, copyingBookers: Bool,
                                  at instant: Date, in db: Database, _ adjust: (inout MessageFacts) -> Void = { _ in }) throws {
        guard let settings = try settingsOwing(kind, in: db),
              var message = try learnerMessage(kind, to: request.learnerId, about: session, settings: settings, copyingBookers: copyingBookers,
                                               at: instant, in: db, adjust) else { return }
        try message.insertQueued(db)
    }
}
