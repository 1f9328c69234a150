/// Why a message is owed to someone (DOMAIN.md, "message"): a booker told of a place that moved, a
/// session cancelled, a charge credited, or the officer told of a clash of staff emails.
public enum NotificationKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case promotedFromWaitlist = "promoted-from-waitlist"
    case sessionCancelled = "session-cancelled"
    case bookingCancelled = "booking-cancelled"
    case waitlistClosed = "waitlist-closed"
    case chargeCredited = "charge-credited"
    case staffEmailClash = "staff-email-clash"

    public var description: String { rawValue }
}
