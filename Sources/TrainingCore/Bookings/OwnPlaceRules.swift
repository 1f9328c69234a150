import Foundation

/// What a learner may do with their own place from the "manage my place" link in their messages
/// (issue 18). They may cancel a waiting-list place until the session starts, and a confirmed place up
/// to the charging policy's cut-off; after the cut-off a cancellation may cost their agency money, so
/// it is their booker's to make, and the page says to ask them. The cancellation itself follows the same
/// rules, and leaves the same audit trail, as a booker's (CancellationRules).
public enum OwnPlaceRules {
    /// Whether the learner may cancel `place` themselves, given the notice cancelling now would give.
    public static func learnerMayCancel(_ place: PlaceOnSession, notice: Int, policy: ChargingPolicy, at instant: Date) -> Bool {
        guard place.mayChange(at: instant) else { return false }
        switch place.status {
        case .waitlisted: return true
        case .confirmed: return notice >= policy.cutoffWorkingDays
        default: return false
        }
    }
}
