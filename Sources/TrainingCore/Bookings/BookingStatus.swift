/// A booking's state (DOMAIN.md, "booking"). A waiting place left when the session is delivered or
/// cancelled becomes "no place came up": the waiting list closes.
public enum BookingStatus: String, Vocabulary, Codable, CustomStringConvertible {
    case confirmed, waitlisted, cancelled, attended
    case didNotAttend = "did-not-attend"
    case noPlaceCameUp = "no-place-came-up"
    public static let fieldName = "booking status"

    /// A booking in this status takes one of the session's places (a waiting or cancelled one does not).
    public var takesAPlace: Bool { self == .confirmed || self == .attended || self == .didNotAttend }
}
