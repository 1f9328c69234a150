import Foundation

/// Why a booking cannot be cancelled (as asked, or at the time given).
public enum CancellationRefusal: Error, Sendable, Hashable, UserFacingError {
    /// The time the cancellation was received is after it is recorded.
    case datedInTheFuture(Date)
    /// The time the cancellation was received is before the booking was made.
    case datedBeforeBooking(bookedAt: Date)
    case alreadyCancelled(booking: Int64)
    /// A waiting place whose waiting list closed with its session.
    case waitingListClosed(booking: Int64)
    case markedOnRegister(booking: Int64, status: BookingStatus)
    case sessionClosed(session: Int64, status: SessionStatus)
    case sessionStarted(session: Int64)

    public var errorDescription: String? {
        switch self {
        case .datedInTheFuture(let at): "a cancellation cannot be dated in the future (\(LondonTime.format(at)))"
        case .datedBeforeBooking(let bookedAt): "a cancellation cannot be dated before the booking was made (\(LondonTime.format(bookedAt)))"
        case .alreadyCancelled(let booking): "booking \(booking) is already cancelled"
        case .waitingListClosed(let booking): "booking \(booking) waited for a place that never came up; the waiting list is closed"
        case .markedOnRegister(let booking, let status):
            "booking \(booking) is already marked on the register (\(status)); correct the register instead"
        case .sessionClosed(let session, let status): "session \(session) is \(status); its bookings cannot be cancelled"
        case .sessionStarted(let session): "session \(session) had started by then; mark the learner absent on the register instead"
        }
    }

    /// The value the refusal is about: the time the cancellation was received, or the booking.
    public var location: InputLocation {
        switch self {
        case .datedInTheFuture, .datedBeforeBooking: InputLocation(input: .cancelledAt)
        default: InputLocation(field: "booking")
        }
    }
}

/// What a cancellation gives and costs: whole working days of notice and the charge, if any.
public struct CancellationTerms: Sendable, Equatable {
    public var notice: Int
    public var charge: ChargeAssessment?

    public init(notice: Int, charge: ChargeAssessment?) {
        self.notice = notice
        self.charge = charge
    }
}

/// What the cancellation rule is told about a booking, read in the cancellation's own transaction.
public struct CancellationFacts: Sendable, Hashable {
    public var place: PlaceOnSession
    public var bookedAt: Date
    /// The session's day, from which notice is counted.
    public var sessionDate: LocalDate
    /// The session's length in whole minutes, which sets the place fee.
    public var sessionMinutes: Int
    /// Whether the booking has an agency to charge.
    public var hasAgency: Bool
    /// When the place last reached the learner from the waiting list, if it did.
    public var promotedAt: Date?

    public init(place: PlaceOnSession, bookedAt: Date, sessionDate: LocalDate, sessionMinutes: Int, hasAgency: Bool, promotedAt: Date?) {
        self.place = place
        self.bookedAt = bookedAt
        self.sessionDate = sessionDate
        self.sessionMinutes = sessionMinutes
        self.hasAgency = hasAgency
        self.promotedAt = promotedAt
    }
}

/// When a booking may be cancelled and what it costs (DOMAIN.md, "Working days" and "Charging policy").
public enum CancellationRules {
    /// A cancellation may be back-dated (a phone call logged later), never dated after it is recorded at `now`.
    public static func checkReceived(at cancelledAt: Date, now: Date) throws(CancellationRefusal) {
        guard cancelledAt <= now else { throw .datedInTheFuture(cancelledAt) }
    }

    /// A place may be cancelled while it may change (PlaceOnSession.changeBlocked), judged at the time the
    /// cancellation was received, and not before the booking was made (to the millisecond the booking is held).
    public static func check(_ facts: CancellationFacts, receivedAt cancelledAt: Date) throws(CancellationRefusal) {
        let place = facts.place
        switch place.changeBlocked(at: cancelledAt) {
        case .placeIs(.cancelled): throw .alreadyCancelled(booking: place.booking)
        case .placeIs(.noPlaceCameUp): throw .waitingListClosed(booking: place.booking)
        case .placeIs(let status): throw .markedOnRegister(booking: place.booking, status: status)
        case .sessionIs(let status): throw .sessionClosed(session: place.session, status: status)
        case .sessionStarted: throw .sessionStarted(session: place.session)
        case nil: break
        }
        guard cancelledAt.heldMillisecond >= facts.bookedAt.heldMillisecond else { throw .datedBeforeBooking(bookedAt: facts.bookedAt) }
    }

    /// The notice a cancellation received at `cancelledAt` gives, in whole working days before the session's
    /// day, and the charge the policy raises for it: only a confirmed place with an agency to charge is charged
    /// (a waiting place never had a place to give up). A place that reached the learner from the waiting list
    /// is charged as the policy says of the notice it had then. The booker's cancel page, the command line's
    /// question and the cancellation itself all take these terms.
    public static func terms(_ facts: CancellationFacts, receivedAt cancelledAt: Date, reason: String?, calendar: WorkingCalendar,
                             policy: ChargingPolicy) -> CancellationTerms {
        func notice(at instant: Date) -> Int {
            calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: instant), sessionDate: facts.sessionDate)
        }
        let given = notice(at: cancelledAt)
        guard facts.place.status == .confirmed, facts.hasAgency else { return CancellationTerms(notice: given, charge: nil) }
        return CancellationTerms(notice: given, charge: policy.lateCancellation(
            notice: given, reason: reason, sessionMinutes: facts.sessionMinutes, promotedWithNotice: facts.promotedAt.map(notice(at:))))
    }
}
