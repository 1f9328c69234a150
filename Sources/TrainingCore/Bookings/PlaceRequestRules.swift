import Foundation

/// Where a learner's request for a place stands (issue 22). A request is made from the learner's own page
/// and decided by their agency's booker: approved (it is then a booking like any other), declined with a
/// reason, or, left undecided when the session stops taking bookings, lapsed.
public enum PlaceRequestState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case requested, approved, declined, lapsed

    public var description: String { rawValue }
}

/// Why a request cannot be made or decided. The words say nothing of anyone but the learner asking.
public enum PlaceRequestRefusal: Error, Sendable, Hashable, UserFacingError {
    /// The learner's agency has not let its staff ask for places (the officer's setting), or they have none.
    case agencyDoesNotTakeRequests
    /// The session takes no bookings now: the booking rule's reason.
    case sessionClosed(BookingRefusal)
    case alreadyBooked(status: BookingStatus)
    case alreadyRequested
    /// Courses the session's course needs first that the learner has neither attended nor completed.
    case missingPrerequisites([String])
    /// The request was decided already.
    case alreadyDecided(PlaceRequestState)
    /// The session stopped taking bookings before anyone decided.
    case lapsed

    public var errorDescription: String? {
        switch self {
        case .agencyDoesNotTakeRequests: "your agency does not take requests for places here: ask the person who books your training"
        case .sessionClosed(let why): "this session is not taking bookings: \(why.localizedDescription)"
        case .alreadyBooked(let status): "you already have a place on this session (\(Self.words(status)))"
        case .alreadyRequested: "you have already asked for a place on this session"
        case .missingPrerequisites(let titles):
            "this course needs \(titles.map { "'\($0)'" }.joined(separator: ", ")) first: ask the person who books your training"
        case .alreadyDecided(let state): "this request has already been \(state)"
        case .lapsed: "this request lapsed: the session stopped taking bookings before it was decided"
        }
    }

    static func words(_ status: BookingStatus) -> String {
        status == .waitlisted ? "on the waiting list" : status.rawValue
    }
}

/// What the request rule is told about a learner and a session, read in the request's own transaction.
public struct PlaceRequestFacts: Sendable, Hashable {
    /// Whether the learner's agency lets its staff ask for places (off unless the officer turns it on).
    public var agencyTakesRequests: Bool
    public var window: BookingWindow
    /// The learner's live place on the session, if they hold one.
    public var heldStatus: BookingStatus?
    /// Whether the learner has a request on the session still waiting for a decision.
    public var hasOpenRequest: Bool
    /// The course's prerequisites the learner has neither attended nor completed (as for a booking).
    public var missingPrerequisites: [String]

    public init(agencyTakesRequests: Bool, window: BookingWindow, heldStatus: BookingStatus?, hasOpenRequest: Bool,
                missingPrerequisites: [String] = []) {
        self.agencyTakesRequests = agencyTakesRequests
        self.window = window
        self.heldStatus = heldStatus
        self.hasOpenRequest = hasOpenRequest
        self.missingPrerequisites = missingPrerequisites
    }
}

/// The rules of requests for places (DOMAIN.md, "Learner": "where the agency allows it, may request a
/// place, which the agency's booker approves or declines").
public enum PlaceRequestRules {
    /// A learner may ask for a place when their agency takes requests, the session takes bookings, they
    /// neither hold a place on it nor are waiting for an answer about one, and they have the course's
    /// prerequisites (which a booking would ask for: only the officer overrides them).
    public static func checkRequest(_ facts: PlaceRequestFacts, at instant: Date) throws(PlaceRequestRefusal) {
        guard facts.agencyTakesRequests else { throw .agencyDoesNotTakeRequests }
        if let refusal = facts.window.refusal(at: instant) { throw .sessionClosed(refusal) }
        if let status = facts.heldStatus { throw .alreadyBooked(status: status) }
        if facts.hasOpenRequest { throw .alreadyRequested }
        if !facts.missingPrerequisites.isEmpty { throw .missingPrerequisites(facts.missingPrerequisites) }
    }

    /// A request still waiting lapses when its session stops taking bookings: at the booking cut-off (or
    /// the start, when it has none), or when the partnership cancels it. The cut-off instant itself is
    /// still open, as it is for a booking (`BookingWindow`).
    public static func hasLapsed(_ window: BookingWindow, at instant: Date) -> Bool {
        !window.isOpen(at: instant)
    }

    /// When a request waiting for a decision lapses unless its session is cancelled first: the booking
    /// cut-off, or the start when the session has none (or a cut-off after it).
    public static func decideBy(_ window: BookingWindow) -> Date {
        min(window.cutoff ?? window.startsAt, window.startsAt)
    }

    /// Where a request stands at `instant`: as stored, except that one still waiting whose session has
    /// stopped taking bookings has lapsed, whether or not the scheduler has recorded it yet.
    public static func state(stored: PlaceRequestState, window: BookingWindow, at instant: Date) -> PlaceRequestState {
        stored == .requested && hasLapsed(window, at: instant) ? .lapsed : stored
    }

    /// A booker may approve or decline a request only while it waits for a decision and has not lapsed.
    public static func checkDecision(stored: PlaceRequestState, window: BookingWindow, at instant: Date) throws(PlaceRequestRefusal) {
        switch state(stored: stored, window: window, at: instant) {
        case .requested: return
        case .lapsed: throw .lapsed
        case let decided: throw .alreadyDecided(decided)
        }
    }
}
