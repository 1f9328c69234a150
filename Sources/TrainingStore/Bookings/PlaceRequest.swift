import Foundation
import GRDB
import TrainingCore

/// A learner's request for a place on a session, as stored (issue 22). `agencyId` is the learner's agency
/// when they asked: its bookers decide.
public struct PlaceRequest: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord, StoredRecord {
    public static let databaseTableName = "placeRequest"
    public var id: Int64?
    public var learnerId: Int64
    public var sessionId: Int64
    public var agencyId: Int64
    public var requestedAt: Date
    /// As stored: one still `requested` whose session has stopped taking bookings has lapsed all the same
    /// (PlaceRequestRules.state), until the scheduler records it.
    public var state: PlaceRequestState
    public var decidedAt: Date?
    public var decidedBy: String?
    /// Why it was declined.
    public var reason: String?
    /// The booking an approval made.
    public var bookingId: Int64?

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A request for a place as the learner's page and their booker's list show it: the session asked for,
/// and where the request stands now.
public struct PlaceRequestLine: Sendable, Hashable {
    public var request: PlaceRequest
    public var learnerName: String
    public var courseTitle: String
    public var level: CourseLevel
    public var startsAt: Date
    public var endsAt: Date
    public var venue: String?
    /// When the request lapses if nobody decides: the session's booking cut-off, or its start.
    public var decideBy: Date
    /// Places left on the session now: with none, approving puts the learner on the waiting list.
    public var placesLeft: Int
    /// Where the request stands now (PlaceRequestRules.state).
    public var state: PlaceRequestState
}

/// A request number that names no request of the booker's agency: "not found", whatever it is.
public struct UnknownPlaceRequest: Error, Sendable, Equatable, UserFacingError {
    public var id: Int64
    public var errorDescription: String? { "there is no request \(id)" }
}

extension AppDatabase {
    /// The request, only if it is `agencyId`'s.
    static func placeRequest(_ id: Int64, agencyId: Int64, in db: Database) throws -> PlaceRequest {
        guard let request = try PlaceRequest.fetchOne(db, key: id), request.agencyId == agencyId else { throw UnknownPlaceRequest(id: id) }
        return request
    }

    static func agencyTakesRequests(_ agencyId: Int64, in db: Database) throws -> Bool {
        try db.count(cachedSQL: "SELECT COUNT(*) FROM agencyTakingRequests WHERE agencyId = ?", arguments: [agencyId]) > 0
    }
}

extension StoreReading {
    /// Whether the agency's staff may ask for places from their own page.
    public func agencyTakesRequests(agencyId: Int64) throws -> Bool {
        try read { db in try AppDatabase.agencyTakesRequests(agencyId, in: db) }
    }

    /// An agency's requests for its bookers: those waiting for a decision, soonest to lapse first, then
    /// those decided (or lapsed) in the last 90 days, latest first.
    public func agencyPlaceRequests(agencyId: Int64) throws -> [PlaceRequestLine] {
        try read { db in
            let instant = now()
            let lines = try AppDatabase.placeRequestLines(db, SQLFilter("r.agencyId = ? AND (r.state = 'requested' OR r.decidedAt >= ?)",
                                                                         [agencyId, StoredInstant(instant.addingTimeInterval(-90 * 86_400))]),
                                                          at: instant)
            let waiting = lines.filter { $0.state == .requested }.sorted { ($0.decideBy, $0.request.id ?? 0) < ($1.decideBy, $1.request.id ?? 0) }
            let done = lines.filter { $0.state != .requested }.sorted {
                ($0.request.decidedAt ?? $0.decideBy, $0.request.id ?? 0) > ($1.request.decidedAt ?? $1.decideBy, $1.request.id ?? 0)
            }
            return waiting + done
        }
    }

    /// How many of an agency's requests wait for a decision now (the count beside "Requests").
    public func waitingPlaceRequestCount(agencyId: Int64) throws -> Int {
        try read { db in
            try AppDatabase.placeRequestLines(db, SQLFilter("r.agencyId = ? AND r.state = 'requested'", [agencyId]), at: now())
                .count { $0.state == .requested }
        }
    }
}

extension AppDatabase {
    /// Requests with their sessions, their learners' names, and where each stands at `instant`.
    static func placeRequestLines(_ db: Database, _ filter: SQLFilter, at instant: Date) throws -> [PlaceRequestLine] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT r.*, l.name AS learnerName, c.title, c.level, s.startsAt, s.endsAt, s.venue, s.status AS sessionStatus,
                   s.bookingCutoffAt, s.capacity,
                   (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status IN ('confirmed', 'attended', 'did-not-attend')) AS taken
            FROM placeRequest r JOIN learner l ON l.id = r.learnerId JOIN session s ON s.id = r.sessionId JOIN course c ON c.id = s.courseId
            WHERE \(filter.clause)
            ORDER BY r.requestedAt, r.id
            """), arguments: filter.arguments).map { row in
            let request = try PlaceRequest(row: row)
            let window = BookingWindow(sessionStatus: try row.word("sessionStatus"), startsAt: row["startsAt"], cutoff: row["bookingCutoffAt"])
            return PlaceRequestLine(request: request, learnerName: row["learnerName"], courseTitle: row["title"], level: try row.word("level"),
                                    startsAt: row["startsAt"], endsAt: row["endsAt"], venue: row["venue"],
                                    decideBy: PlaceRequestRules.decideBy(window), placesLeft: max(0, (row["capacity"] as Int) - (row["taken"] as Int)),
                                    state: PlaceRequestRules.state(stored: request.state, window: window, at: instant))
        }
    }
}
