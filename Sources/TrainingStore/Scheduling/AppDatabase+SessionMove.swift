import Foundation
import GRDB
import TrainingCore

/// What changes about a session that is moved or relocated; nil keeps what it has.
public struct SessionChange: Sendable, Hashable {
    public var start: Date?
    public var end: Date?
    public var venue: String?
    public var onlineURL: String?

    public init(start: Date? = nil, end: Date? = nil, venue: String? = nil, onlineURL: String? = nil) {
        self.start = start
        self.end = end
        self.venue = venue
        self.onlineURL = onlineURL
    }
}

extension AppDatabase {
    /// Moves a scheduled session that has not started, or changes its venue or online link
    /// (SessionRules.checkChange). A start moved on its own keeps the session's length. Everyone holding
    /// a place, or waiting for one, is sent the changed event (same UID, next sequence) in the same
    /// transaction. Returns the session as it now is.
    @discardableResult
    public func changeSession(_ id: Int64, _ change: SessionChange, by actor: String) throws -> Session {
        try StoredText.check(change.venue, as: .venue, at: InputLocation(input: .venue), name: "the venue")
        try StoredText.check(change.onlineURL, as: .venue, at: InputLocation(input: .onlineLink), name: "the online link")
        return try write { db in
            let instant = now()
            var session = try Self.session(id, in: db)
            let length = session.endsAt.timeIntervalSince(session.startsAt)
            let start = change.start ?? session.startsAt
            let end = change.end ?? (change.start.map { $0.addingTimeInterval(length) } ?? session.endsAt)
            try SessionRules.checkChange(session: id, status: session.status, startsAt: session.startsAt, newStart: start, newEnd: end, at: instant)
            let before = session
            session.startsAt = start
            session.endsAt = end
            session.startDate = LondonTime.date(of: start)
            if let venue = change.venue?.nilIfBlank { session.venue = venue }
            if let link = change.onlineURL?.nilIfBlank { session.onlineURL = link }
            guard session != before else { return session }
            try session.update(db)
            try db.audit(.sessionChanged, entity: .session, id: id, actor: actor, at: instant, before: before, after: session)
            var what: [String] = []
            if before.startsAt != session.startsAt || before.endsAt != session.endsAt {
                what.append("it is now on \(MessageWording.longDate(session.startDate)), \(MessageWording.times(from: start, to: end))")
            }
            if before.venue != session.venue, let venue = session.venue { what.append("it is now at \(venue)") }
            if before.onlineURL != session.onlineURL, let link = session.onlineURL { what.append("its online link is now \(link)") }
            let holding = try Booking.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM booking WHERE sessionId = ? AND status IN ('confirmed', 'waitlisted') ORDER BY id
                """), arguments: [id])
            for booking in holding {
                try Self.oweLearnerMessage(.sessionChanged, about: booking, on: session, carriesEvent: booking.status == .confirmed,
                                           at: instant, in: db) { $0.reason = what.joined(separator: "; ") }
            }
            return session
        }
    }
}
