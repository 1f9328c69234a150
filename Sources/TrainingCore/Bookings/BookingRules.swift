import Foundation

/// Why a booking cannot be made. Each reads as a sentence a booker can act on; the command line adds the
/// option with which the officer overrides a missing prerequisite.
public enum BookingRefusal: Error, Sendable, Hashable, UserFacingError {
    case alreadyBooked(learner: String, status: BookingStatus)
    case sessionCancelled
    case sessionDelivered
    case sessionStarted
    case afterCutoff(cutoff: Date)
    case missingPrerequisites([String])

    public var errorDescription: String? {
        switch self {
        case .alreadyBooked(let learner, let status):
            return "\(learner) already has a place on this session (\(status))"
        case .sessionCancelled: return "the session has been cancelled"
        case .sessionDelivered: return "the session has already been delivered"
        case .sessionStarted: return "the session has already started"
        case .afterCutoff(let cutoff): return "bookings for this session closed at \(LondonTime.format(cutoff))"
        case .missingPrerequisites(let titles): return "\(Self.prerequisitesMissing(titles)) (the officer can override this)"
        }
    }

    /// "the learner has not completed the prerequisite course 'A'": what a missing prerequisite says,
    /// before each shell says how it is overridden.
    public static func prerequisitesMissing(_ titles: [String]) -> String {
        "the learner has not completed the prerequisite \(titles.count == 1 ? "course" : "courses") \(titles.map { "'\($0)'" }.joined(separator: ", "))"
    }
}

/// When a session takes bookings (DOMAIN.md, "session": a booking cut-off): while it is scheduled, up to its
/// cut-off, and never once it has started. The booker's session page offers booking only while this is open.
public struct BookingWindow: Sendable, Hashable {
    public var sessionStatus: SessionStatus
    public var startsAt: Date
    /// When bookings close; nil: when the session starts.
    public var cutoff: Date?

    public init(sessionStatus: SessionStatus, startsAt: Date, cutoff: Date?) {
        self.sessionStatus = sessionStatus
        self.startsAt = startsAt
        self.cutoff = cutoff
    }

    /// Why the session takes no booking at `instant`, or nil while it does. The cut-off instant itself is
    /// still open.
    public func refusal(at instant: Date) -> BookingRefusal? {
        switch sessionStatus {
        case .cancelled: return .sessionCancelled
        case .delivered: return .sessionDelivered
        case .scheduled: break
        }
        if instant >= startsAt { return .sessionStarted }
        if let cutoff, instant > cutoff { return .afterCutoff(cutoff: cutoff) }
        return nil
    }

    public func isOpen(at instant: Date) -> Bool { refusal(at: instant) == nil }
}

/// Where a new booking goes (DOMAIN.md, "Capacity is never exceeded").
public enum PlaceDecision: String, Sendable, Hashable {
    case confirmed
    case waitlisted

    /// A confirmed place while places remain and the agency is within its fair share; otherwise the
    /// waiting list. `perAgencyCap` is the most confirmed places one agency may hold on the session.
    public static func decide(capacity: Int, confirmed: Int, perAgencyCap: Int?, agencyConfirmed: Int) -> PlaceDecision {
        guard confirmed < capacity else { return .waitlisted }
        if let perAgencyCap, agencyConfirmed >= perAgencyCap { return .waitlisted }
        return .confirmed
    }

    /// The status a booking placed so takes.
    public var status: BookingStatus {
        switch self {
        case .confirmed: .confirmed
        case .waitlisted: .waitlisted
        }
    }
}

/// What the booking rule is told about a learner and a session, read in the booking's own transaction.
public struct BookingFacts: Sendable, Hashable {
    public var window: BookingWindow
    public var learner: LearnerOnSession
    public var capacity: Int
    /// Places held on the session: confirmed, attended or marked absent.
    public var placesTaken: Int
    public var perAgencyCap: Int?
    /// Places the learner's agency holds on the session; only read (and only matters) under a cap.
    public var agencyPlacesTaken: Int

    public init(window: BookingWindow, learner: LearnerOnSession, capacity: Int, placesTaken: Int, perAgencyCap: Int?,
                agencyPlacesTaken: Int) {
        self.window = window
        self.learner = learner
        self.capacity = capacity
        self.placesTaken = placesTaken
        self.perAgencyCap = perAgencyCap
        self.agencyPlacesTaken = agencyPlacesTaken
    }
}

/// What the rules are told about a learner a place would be given to, on booking and on substitution alike.
public struct LearnerOnSession: Sendable, Hashable {
    public var name: String
    /// The learner's live place on the session (any but a cancelled one), if they hold one.
    public var heldStatus: BookingStatus?
    /// Titles of the course's prerequisites the learner has neither attended nor completed as e-learning.
    public var missingPrerequisites: [String]
    /// Whether the officer overrides a missing prerequisite.
    public var overridingPrerequisites: Bool

    public init(name: String, heldStatus: BookingStatus?, missingPrerequisites: [String], overridingPrerequisites: Bool) {
        self.name = name
        self.heldStatus = heldStatus
        self.missingPrerequisites = missingPrerequisites
        self.overridingPrerequisites = overridingPrerequisites
    }
}

/// What the booking rule decided: where the place goes, and the prerequisites the officer overrode (which
/// are audited).
public struct BookingDecision: Sendable, Hashable {
    public var place: PlaceDecision
    public var overriddenPrerequisites: [String]

    public init(place: PlaceDecision, overriddenPrerequisites: [String]) {
        self.place = place
        self.overriddenPrerequisites = overriddenPrerequisites
    }
}

/// The booking guards, in the order a booker meets them: the session takes bookings, the learner holds no
/// place on it already and has the prerequisites (or the officer overrides), then a place or the waiting list.
public enum BookingRules {
    public static func decide(_ facts: BookingFacts, at instant: Date) throws(BookingRefusal) -> BookingDecision {
        if let refusal = facts.window.refusal(at: instant) { throw refusal }
        let overridden = try accept(facts.learner)
        let place = PlaceDecision.decide(capacity: facts.capacity, confirmed: facts.placesTaken, perAgencyCap: facts.perAgencyCap,
                                         agencyConfirmed: facts.agencyPlacesTaken)
        return BookingDecision(place: place, overriddenPrerequisites: overridden)
    }

    /// A learner may take a place on a session they hold no live place on, with every prerequisite (attended,
    /// or completed as e-learning) unless the officer overrides. Returns the prerequisites overridden.
    public static func accept(_ learner: LearnerOnSession) throws(BookingRefusal) -> [String] {
        if let status = learner.heldStatus { throw .alreadyBooked(learner: learner.name, status: status) }
        guard !learner.missingPrerequisites.isEmpty else { return [] }
        guard learner.overridingPrerequisites else { throw .missingPrerequisites(learner.missingPrerequisites) }
        return learner.missingPrerequisites
    }
}
