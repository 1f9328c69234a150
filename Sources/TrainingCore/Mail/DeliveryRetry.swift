import Foundation

/// When a message that could not be delivered is tried again (issue 18): a temporary failure (the relay
/// down, busy or slow: 4xx, refused, timed out) is retried after a wait that doubles from one minute up to
/// an hour, for 48 hours from the first attempt; then, like a permanent failure (5xx), the message has
/// failed and the officer is told.
public enum DeliveryRetry {
    /// How long a message is retried for.
    public static let giveUpAfter: TimeInterval = 48 * 3600
    /// The first wait, and the longest.
    public static let firstWait: TimeInterval = 60
    public static let longestWait: TimeInterval = 3600

    /// What to do after a temporary failure: try again at the instant given, or give up.
    public enum Decision: Sendable, Hashable {
        case retry(at: Date)
        case giveUp
    }

    /// The decision after the `attempts`-th failed attempt (1 for the first) of a message first tried at
    /// `firstAttempt`, failing at `now`.
    public static func afterTemporaryFailure(attempts: Int, firstAttempt: Date, now: Date) -> Decision {
        let doublings = min(max(attempts - 1, 0), 12)
        let wait = min(firstWait * Double(1 << doublings), longestWait)
        let next = now.addingTimeInterval(wait)
        return next.timeIntervalSince(firstAttempt) > giveUpAfter ? .giveUp : .retry(at: next)
    }
}
