import Foundation

/// Why a register mark cannot be made now (DOMAIN.md, "Registers are marked from the session's start
/// until it is delivered").
public enum RegisterMarkRefusal: Sendable, Hashable {
    case sessionCancelled
    case sessionDelivered
    case notStarted
}

/// Why a register cannot be marked as asked. A place is named by its learner's email or as "booking N".
public enum RegisterRefusal: Error, Sendable, Hashable, UserFacingError {
    case sessionCancelled(session: Int64)
    case sessionClosed(session: Int64)
    case notStarted(session: Int64, startsAt: Date)
    case givenTwice(place: String)
    case noPlace(place: String, session: Int64)
    case waiting(place: String)
    case noPlaceCameUp(place: String)

    /// The refusal of a mark on a session whose register is not open, with the session's facts.
    public init(_ refusal: RegisterMarkRefusal, session: Int64, startsAt: Date) {
        switch refusal {
        case .sessionCancelled: self = .sessionCancelled(session: session)
        case .sessionDelivered: self = .sessionClosed(session: session)
        case .notStarted: self = .notStarted(session: session, startsAt: startsAt)
        }
    }

    public var errorDescription: String? {
        switch self {
        case .sessionCancelled(let session): "session \(session) was cancelled: there is no register"
        case .sessionClosed(let session): "session \(session) is closed: its register can no longer be changed"
        case .notStarted(let session, let startsAt): "session \(session) has not happened yet (\(LondonTime.format(startsAt)))"
        case .givenTwice(let place): "\(place) is given more than once"
        case .noPlace(let place, let session): "\(place) has no place on session \(session)"
        case .waiting(let place): "\(place) is on the waiting list, not booked: give them a place first"
        case .noPlaceCameUp(let place): "\(place) waited for a place that never came up"
        }
    }

    /// The value the refusal is about: the session, or the place named.
    public var location: InputLocation {
        switch self {
        case .sessionCancelled, .sessionClosed, .notStarted: InputLocation(field: "session")
        case .givenTwice(let place), .noPlace(let place, _), .waiting(let place), .noPlaceCameUp(let place): InputLocation(field: place)
        }
    }
}

/// What marking one place does.
public enum RegisterMarkOutcome: Sendable, Hashable {
    /// The place already has that mark.
    case unchanged
    /// The place takes `status`, recorded in its history as `event`: the mark itself the first time, a
    /// correction after.
    case marked(BookingStatus, event: BookingEventKind)
}

/// The register's rules: when a session's places may be marked, what becomes of an erased learner's
/// places, and what closing a waiting list does.
public enum RegisterRules {
    /// A mark, present or absent, may be made from the session's start (the instant, not the day) until
    /// the session is delivered; a cancelled session has no register.
    public static func markRefusal(sessionStatus: SessionStatus, startsAt: Date, at instant: Date) -> RegisterMarkRefusal? {
        switch sessionStatus {
        case .cancelled: return .sessionCancelled
        case .delivered: return .sessionDelivered
        case .scheduled: return instant < startsAt ? .notStarted : nil
        }
    }

    /// Marking a place present (`attended`) or absent: a confirmed place takes its first mark, a marked one is
    /// corrected (its charge follows: DOMAIN.md, "Charging policy"); a waiting place, or one whose waiting
    /// list closed, is not on the register. `place` names it, for a refusal.
    public static func mark(_ current: BookingStatus, attended: Bool, place: String, session: Int64) throws(RegisterRefusal) -> RegisterMarkOutcome {
        let target: BookingStatus = attended ? .attended : .didNotAttend
        switch current {
        case .waitlisted: throw .waiting(place: place)
        case .noPlaceCameUp: throw .noPlaceCameUp(place: place)
        case .cancelled: throw .noPlace(place: place, session: session)
        case target: return .unchanged
        case .confirmed: return .marked(target, event: attended ? .attended : .didNotAttend)
        case .attended, .didNotAttend: return .marked(target, event: .registerCorrected)
        }
    }

    /// What becomes of one place of a learner being erased.
    public enum ErasedPlace: Sendable, Hashable {
        /// A place still to come: cancelled with no charge, and the waiting list moves up.
        case cancelWithoutCharge
        /// A place on a session that has started or closed, a marked place, or one already cancelled:
        /// it stays, so the session can be delivered (marked by its booking) and every figure stays.
        case keep
    }

    /// An erased learner's confirmed or waiting place on a scheduled session that has not started is
    /// cancelled; every other place is kept.
    public static func erasedPlace(bookingStatus: BookingStatus, sessionStatus: SessionStatus, startsAt: Date,
                                   at instant: Date) -> ErasedPlace {
        guard sessionStatus == .scheduled, instant < startsAt,
              bookingStatus == .confirmed || bookingStatus == .waitlisted else { return .keep }
        return .cancelWithoutCharge
    }

    /// The status a place takes when its session's waiting list closes (the session delivered or
    /// cancelled): a waiting place becomes "no place came up"; any other place is not the waiting list's.
    public static func closingWaitingList(_ status: BookingStatus) -> BookingStatus? {
        status == .waitlisted ? .noPlaceCameUp : nil
    }
}
