/// What one line of a booking's history records (DOMAIN.md, "substitutions keep the history").
public enum BookingEventKind: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case booked, waitlisted, promoted, cancelled, substituted, attended
    case didNotAttend = "did-not-attend"
    case registerCorrected = "register-corrected"
    case sessionCancelled = "session-cancelled"
    /// A row of a previous system's history, imported as it happened.
    case imported
    case waitlistClosed = "waitlist-closed"

    public var description: String { rawValue }
}
