/// Why the partnership cancelled a session.
public enum SessionCancelReason: String, Vocabulary, Codable, CustomStringConvertible {
    case lowNumbers = "low-numbers"
    case trainer
    case venue
    case other
    public static let fieldName = "cancellation reason"
}

/// A session's state.
public enum SessionStatus: String, Vocabulary, Codable, CustomStringConvertible {
    case scheduled, delivered, cancelled
    public static let fieldName = "session status"
}
