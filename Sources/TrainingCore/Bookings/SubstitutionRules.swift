import Foundation

/// Why another learner cannot take a booking's place. A substitute already on the session, or lacking a
/// prerequisite, is refused as a booking would be (BookingRefusal).
public enum SubstitutionRefusal: Error, Sendable, Hashable, UserFacingError {
    case placeNotLive(booking: Int64, status: BookingStatus)
    case sessionStartedOrClosed(session: Int64)
    /// The substitute is not at the booking's agency (`agency`: its name; nil when the booking has none).
    case notSameAgency(substitute: String, agency: String?)

    public var errorDescription: String? {
        switch self {
        case .placeNotLive(let booking, let status): "booking \(booking) is \(status); only a confirmed or waiting place can be substituted"
        case .sessionStartedOrClosed(let session): "session \(session) has started or closed: substitutions are accepted up to the start"
        case .notSameAgency(let substitute, let agency):
            "\(substitute) is not at \(agency ?? "the booking's agency"): a substitute must come from the same agency"
        }
    }

    /// The value the refusal is about: the booking, or the substitute.
    public var location: InputLocation {
        switch self {
        case .placeNotLive, .sessionStartedOrClosed: InputLocation(field: "booking")
        case .notSameAgency: InputLocation(field: "learner")
        }
    }
}

/// Who may take another's place (DOMAIN.md, "Charging policy": substitution of another learner from the
/// same agency is free up to the start; "substitutions keep the history").
public enum SubstitutionRules {
    /// The place may pass to another learner while it may change (PlaceOnSession.changeBlocked) at `instant`.
    public static func check(_ place: PlaceOnSession, at instant: Date) throws(SubstitutionRefusal) {
        switch place.changeBlocked(at: instant) {
        case .placeIs(let status): throw .placeNotLive(booking: place.booking, status: status)
        case .sessionIs, .sessionStarted: throw .sessionStartedOrClosed(session: place.session)
        case nil: break
        }
    }

    /// Whether a learner of `substituteAgency` may take a place booked under `bookingAgency`: only one of the
    /// same agency, and a booking with no agency recorded takes no substitute (else
    /// `SubstitutionRefusal.notSameAgency`).
    public static func isSameAgency(_ substituteAgency: Int64?, as bookingAgency: Int64?) -> Bool {
        bookingAgency != nil && substituteAgency == bookingAgency
    }
}
