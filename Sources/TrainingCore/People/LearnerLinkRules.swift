import Foundation

/// A learner's personal link to their own page, "My training" (`<base-url>/my/<token>`, issue 22): no
/// password, the link is the key (DOMAIN.md, "Learner"). It works for a stated period from when it is
/// made, so a link forwarded or left in an old email stops working; asking for a fresh one is always open.
public enum LearnerLinkRules {
    /// How long a learner's link works: 90 days, long enough to come back to between courses.
    public static let validDays = 90

    /// When a link made at `instant` stops working.
    public static func expiry(ofLinkMadeAt instant: Date) -> Date {
        instant.addingTimeInterval(Double(validDays) * 86_400)
    }
}
