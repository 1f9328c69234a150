import Foundation

/// What the rules are told about a place that is to be given up or passed to another learner.
public struct PlaceOnSession: Sendable, Hashable {
    public var booking: Int64
    public var status: BookingStatus
    public var session: Int64
    public var sessionStatus: SessionStatus
    public var startsAt: Date

    public init(booking: Int64, status: BookingStatus, session: Int64, sessionStatus: SessionStatus, startsAt: Date) {
        self.booking = booking
        self.status = status
        self.session = session
        self.sessionStatus = sessionStatus
        self.startsAt = startsAt
    }

    /// Why the place can no longer change at `instant` (be cancelled or passed to a substitute), or nil while
    /// it can: a confirmed or waiting place on a scheduled session, up to its start (DOMAIN.md, "Charging
    /// policy": substitution is free up to the start; after it, the register speaks). The booker's pages offer
    /// to cancel or substitute only while this is nil.
    public func changeBlocked(at instant: Date) -> PlaceChangeBlock? {
        guard status == .confirmed || status == .waitlisted else { return .placeIs(status) }
        guard sessionStatus == .scheduled else { return .sessionIs(sessionStatus) }
        return instant < startsAt ? nil : .sessionStarted
    }

    public func mayChange(at instant: Date) -> Bool { changeBlocked(at: instant) == nil }
}

/// Why a place can no longer change.
public enum PlaceChangeBlock: Sendable, Hashable {
    /// The place is cancelled, closed with its waiting list, or marked on the register.
    case placeIs(BookingStatus)
    /// The session is delivered or cancelled.
    case sessionIs(SessionStatus)
    case sessionStarted
}
