import Foundation

/// Why a register mark cannot be made now (DOMAIN.md, "Registers are marked from the session's start
/// until it is delivered").
public enum RegisterMarkRefusal: Sendable, Hashable {
    case sessionCancelled
    case sessionDelivered
    case notStarted
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
