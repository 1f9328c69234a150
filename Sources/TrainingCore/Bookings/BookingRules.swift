import Foundation

/// Why a booking cannot be made. Each reads as a sentence a booker can act on.
public enum BookingRefusal: Error, Sendable, Hashable, UserFacingError {
    case alreadyBooked(learner: String, status: String)
    case sessionCancelled
    case sessionDelivered
    case sessionStarted
    case afterCutoff(cutoff: String)
    case missingPrerequisites([String])
    case inactiveCourse(String)
    case learnerAnonymised

    public var errorDescription: String? {
        switch self {
        case .alreadyBooked(let learner, let status):
            return "\(learner) already has a place on this session (\(status))"
        case .sessionCancelled: return "the session has been cancelled"
        case .sessionDelivered: return "the session has already been delivered"
        case .sessionStarted: return "the session has already started"
        case .afterCutoff(let cutoff): return "bookings for this session closed at \(cutoff)"
        case .missingPrerequisites(let titles):
            return "the learner has not completed the prerequisite \(titles.count == 1 ? "course" : "courses") \(titles.map { "'\($0)'" }.joined(separator: ", ")) (the officer can override with --override-prerequisites)"
        case .inactiveCourse(let title): return "the course '\(title)' is retired"
        case .learnerAnonymised: return "the learner's record has been anonymised"
        }
    }
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
}

/// Why the partnership cancelled a session.
public enum SessionCancelReason: String, Vocabulary, Codable {
    case lowNumbers = "low-numbers"
    case trainer
    case venue
    case other
    public static let fieldName = "cancellation reason"
}

/// A session's state.
public enum SessionStatus: String, Vocabulary, Codable {
    case scheduled, delivered, cancelled
    public static let fieldName = "session status"
}

/// A booking's state (DOMAIN.md, "booking"). A waiting place left when the session is delivered or
/// cancelled becomes "no place came up": the waiting list closes.
public enum BookingStatus: String, Vocabulary, Codable {
    case confirmed, waitlisted, cancelled, attended
    case didNotAttend = "did-not-attend"
    case noPlaceCameUp = "no-place-came-up"
    public static let fieldName = "booking status"

    /// A booking in this status takes one of the session's places (a waiting or cancelled one does not).
    public var takesAPlace: Bool { self == .confirmed || self == .attended || self == .didNotAttend }
}
