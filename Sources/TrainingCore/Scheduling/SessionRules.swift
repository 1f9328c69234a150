import Foundation

/// A confirmed place not yet marked on the register, as a refusal to deliver names it: by its learner's
/// email, or, for an erased learner (no email), by name and booking.
public struct UnmarkedPlace: Sendable, Hashable {
    public var booking: Int64
    public var learnerName: String
    public var learnerEmail: String?

    public init(booking: Int64, learnerName: String, learnerEmail: String?) {
        self.booking = booking
        self.learnerName = learnerName
        self.learnerEmail = learnerEmail
    }

    public var shown: String { learnerEmail ?? "\(learnerName), booking \(booking)" }
}

/// Why a session cannot be cancelled, resized or delivered.
public enum SessionRefusal: Error, Sendable, Hashable, UserFacingError {
    case alreadyCancelled(session: Int64)
    case deliveredCannotBeCancelled(session: Int64)
    /// Learners are marked on its register: the session took place.
    case tookPlace(session: Int64, marked: Int)
    case placesFixed(session: Int64, status: SessionStatus)
    case belowPlacesTaken(session: Int64, taken: Int)
    case notScheduled(session: Int64, status: SessionStatus)
    case notStarted(session: Int64, startsAt: Date)
    case registerIncomplete(unmarked: [UnmarkedPlace])
    /// A session that has started cannot be moved.
    case alreadyStarted(session: Int64, startsAt: Date)
    /// A changed session must end after it starts, and start in the future.
    case changedTimesImpossible(session: Int64)

    public var errorDescription: String? {
        switch self {
        case .alreadyCancelled(let session): "session \(session) is already cancelled"
        case .deliveredCannotBeCancelled(let session): "session \(session) has been delivered and cannot be cancelled"
        case .tookPlace(let session, let marked):
            "session \(session) has \(marked) \(marked == 1 ? "learner" : "learners") marked on its register, so it took place: it cannot be cancelled (correct the register instead)"
        case .placesFixed(let session, let status): "session \(session) is \(status): its places can no longer change"
        case .belowPlacesTaken(let session, let taken):
            "session \(session) already has \(taken) places taken: the capacity cannot go below that (cancel bookings first)"
        case .notScheduled(let session, let status): "session \(session) is \(status), not scheduled"
        case .notStarted(let session, let startsAt): "session \(session) has not started yet (\(LondonTime.format(startsAt)))"
        case .alreadyStarted(let session, let startsAt): "session \(session) started at \(LondonTime.format(startsAt)): it can no longer be moved"
        case .changedTimesImpossible(let session): "session \(session) would have to end after it starts, and start in the future"
        case .registerIncomplete(let unmarked):
            "the register is not complete: \(unmarked.count) confirmed \(unmarked.count == 1 ? "place is" : "places are") not marked (\(unmarked.map(\.shown).joined(separator: ", ")))"
        }
    }

    /// The value the refusal is about: the session, or the capacity asked for.
    public var location: InputLocation {
        switch self {
        case .belowPlacesTaken: InputLocation(field: "capacity")
        default: InputLocation(field: "session")
        }
    }
}

/// What may happen to a scheduled session (DOMAIN.md, "session": scheduled → delivered, or cancelled).
public enum SessionRules {
    /// The partnership may cancel a scheduled session whose register has no mark (`marked`: places marked
    /// attended or absent); one with marks took place.
    public static func checkCancellation(session: Int64, status: SessionStatus, marked: Int) throws(SessionRefusal) {
        switch status {
        case .cancelled: throw .alreadyCancelled(session: session)
        case .delivered: throw .deliveredCannotBeCancelled(session: session)
        case .scheduled: break
        }
        guard marked == 0 else { throw .tookPlace(session: session, marked: marked) }
    }

    /// A scheduled session's places may change, never below one or below the places already held
    /// ("Capacity is never exceeded").
    /// The partnership may move a scheduled session that has not started, or change its venue or online
    /// link; it must still end after it starts, and start in the future. Everyone holding a place is sent
    /// the changed event (issue 18, "session changed").
    public static func checkChange(session: Int64, status: SessionStatus, startsAt: Date, newStart: Date, newEnd: Date,
                                   at instant: Date) throws(SessionRefusal) {
        guard status == .scheduled else { throw .notScheduled(session: session, status: status) }
        guard instant < startsAt else { throw .alreadyStarted(session: session, startsAt: startsAt) }
        guard newStart < newEnd, instant < newStart else { throw .changedTimesImpossible(session: session) }
    }

    public static func checkCapacity(_ capacity: Int, session: Int64, status: SessionStatus, placesTaken: Int) throws(SessionRefusal) {
        guard status == .scheduled else { throw .placesFixed(session: session, status: status) }
        guard capacity >= max(1, placesTaken) else { throw .belowPlacesTaken(session: session, taken: placesTaken) }
    }

    /// The minimum numbers of a session whose places are now `capacity`: never more than its places.
    public static func minimumNumbers(_ minimum: Int, withCapacity capacity: Int) -> Int { min(minimum, capacity) }

    /// A scheduled session may be delivered once it has started and every confirmed place is marked
    /// (DOMAIN.md, "Registers": a session can always be delivered, an erased learner's place marked by its
    /// booking).
    public static func checkDelivery(session: Int64, status: SessionStatus, startsAt: Date, unmarked: [UnmarkedPlace],
                                     at instant: Date) throws(SessionRefusal) {
        guard status == .scheduled else { throw .notScheduled(session: session, status: status) }
        guard startsAt <= instant else { throw .notStarted(session: session, startsAt: startsAt) }
        guard unmarked.isEmpty else { throw .registerIncomplete(unmarked: unmarked) }
    }
}
