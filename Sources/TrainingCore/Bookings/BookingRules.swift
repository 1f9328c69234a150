import Foundation

/// Why a booking cannot be made. Each reads as a sentence a booker can act on.
public enum BookingRefusal: Error, Sendable, Hashable, UserFacingError {
    case alreadyBooked(learner: String, status: BookingStatus)
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
            return "\(learner) already has a place on this session (\(status.rawValue))"
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

    /// The status a booking placed so takes.
    public var status: BookingStatus {
        switch self {
        case .confirmed: .confirmed
        case .waitlisted: .waitlisted
        }
    }
}
