import Foundation
import GRDB
import TrainingCore

/// A learner's own place, as their "manage my place" link shows it: nothing about anyone else.
public struct OwnPlace: Sendable, Equatable {
    public var booking: Int64
    public var learnerId: Int64
    public var learnerName: String
    public var courseTitle: String
    public var level: CourseLevel
    public var sessionDate: LocalDate
    public var startsAt: Date
    public var endsAt: Date
    public var venue: String?
    public var onlineURL: String?
    public var status: BookingStatus
    /// On the waiting list: the place's position in it, 1 for the next to be offered a place.
    public var waitingPosition: Int?
    /// What cancelling now would give: the notice and any charge.
    public var terms: CancellationTerms
    /// Whether the learner may cancel it themselves (OwnPlaceRules); if not, their booker may.
    public var learnerMayCancel: Bool
}

/// Why a "manage my place" link was refused. The words say nothing about any other learner.
public enum PlaceLinkError: Error, Sendable, Hashable, UserFacingError {
    case unknown
    case expired
    /// A link to a learner's own page older than LearnerLinkRules.validDays.
    case pageLinkExpired
    /// Past the charging policy's cut-off a cancellation may cost the agency, so it is the booker's to make.
    case askYourBooker

    public var errorDescription: String? {
        switch self {
        case .unknown: "this link is not valid: check it was copied whole, or ask the person who booked your place"
        case .expired: "this link no longer works: the session has started, or the place has changed. Ask the person who booked your place"
        case .pageLinkExpired: "this link no longer works: links to your training page last \(LearnerLinkRules.validDays) days. Ask for a new one on the sign-in page"
        case .askYourBooker: "it is too close to the session to cancel here, as a charge may apply: ask the person who booked your place to cancel it"
        }
    }
}

extension AppDatabase {
    /// The learner cancels their own place from their link, if OwnPlaceRules allow it: the same
    /// cancellation as a booker's (its charge, the waiting list, the messages, the audit), by "learner
    /// (own link)".
    @discardableResult
    public func cancelOwnPlace(token: String, reason: String?) throws -> CancellationOutcome {
        try inOneTransaction { transaction in
            let place = try transaction.read { db in try Self.ownPlace(token: token, at: transaction.now(), in: db) }
            guard place.learnerMayCancel else { throw PlaceLinkError.askYourBooker }
            return try transaction.cancelBooking(place.booking, by: Self.learnersOwnActor, reason: reason)
        }
    }

    /// Who the audit log says acted when a learner acted through their own link.
    public static let learnersOwnActor = "learner (own link)"

    /// The learner cancels one of their places from a link to their own page (or a place link, which
    /// opens the same page), as `cancelOwnPlace(token:reason:)` does for the link's own place.
    @discardableResult
    public func cancelOwnPlace(token: String, booking bookingId: Int64, reason: String?) throws -> CancellationOutcome {
        try inOneTransaction { transaction in
            let place = try transaction.read { db in try Self.ownPlace(token: token, booking: bookingId, at: transaction.now(), in: db) }
            guard place.learnerMayCancel else { throw PlaceLinkError.askYourBooker }
            return try transaction.cancelBooking(place.booking, by: Self.learnersOwnActor, reason: reason)
        }
    }

    /// One of the places of the learner whose page `token` opens; another learner's place, or a number
    /// that is no place, is `unknown`, saying nothing of it.
    static func ownPlace(token: String, booking bookingId: Int64, at instant: Date, in db: Database) throws -> OwnPlace {
        let access = try learnerAccess(token: token, at: instant, in: db)
        guard try Int64.fetchOne(db, sql: "SELECT learnerId FROM booking WHERE id = ?", arguments: [bookingId]) == access.learnerId else {
            throw PlaceLinkError.unknown
        }
        return try ownPlace(booking: bookingId, at: instant, in: db)
    }

    static func ownPlace(token: String, at instant: Date, in db: Database) throws -> OwnPlace {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
              let link = try Row.fetchOne(db.cachedStatement(sql: "SELECT bookingId, expiresAt FROM placeLink WHERE tokenHash = ?"),
                                          arguments: [hash(trimmed)]) else { throw PlaceLinkError.unknown }
        guard (link["expiresAt"] as Date) > instant else { throw PlaceLinkError.expired }
        return try ownPlace(booking: link["bookingId"], at: instant, in: db)
    }

    /// A learner's live place (confirmed or waiting) as their own page shows it, with what cancelling it
    /// now would give and whether they may; a place no longer live is `expired`.
    static func ownPlace(booking bookingId: Int64, at instant: Date, in db: Database) throws -> OwnPlace {
        // The booking and its session as the cancellation rules read them, so the page shows their terms.
        let (facts, booking, session) = try Self.cancellationFacts(of: bookingId, in: db)
        guard [.confirmed, .waitlisted].contains(booking.status) else { throw PlaceLinkError.expired }
        guard let course = try Row.fetchOne(db, sql: "SELECT title, level FROM course WHERE id = ?", arguments: [session.courseId]),
              let learner = try Learner.fetchOne(db, key: booking.learnerId) else { throw PlaceLinkError.unknown }
        let position = try Self.waitingListPosition(of: booking.storedID, in: db)
        let policy = try Self.chargingPolicy(db)
        let terms = CancellationRules.terms(facts, receivedAt: instant, reason: nil, calendar: try Self.workingCalendar(db), policy: policy)
        return OwnPlace(booking: try booking.storedID, learnerId: booking.learnerId, learnerName: learner.name, courseTitle: course["title"],
                        level: try course.word("level"), sessionDate: session.startDate, startsAt: session.startsAt, endsAt: session.endsAt,
                        venue: session.venue, onlineURL: session.onlineURL, status: booking.status, waitingPosition: position, terms: terms,
                        learnerMayCancel: OwnPlaceRules.learnerMayCancel(facts.place, notice: terms.notice, policy: policy, at: instant))
    }
}

extension StoreReading {
    /// The place a "manage my place" token opens, while the token is valid (until the session starts).
    public func ownPlace(token: String) throws -> OwnPlace {
        try read { db in try AppDatabase.ownPlace(token: token, at: now(), in: db) }
    }

    /// One of the places of the learner whose page `token` opens, while it is live.
    public func ownPlace(token: String, booking: Int64) throws -> OwnPlace {
        try read { db in try AppDatabase.ownPlace(token: token, booking: booking, at: now(), in: db) }
    }
}
