/// Sessions held and cancelled (DOMAIN.md, "Courses held", "% cancelled").
public struct HeldAndCancelled: Sendable, Equatable {
    public var held = 0
    public var cancelled = 0

    public init(held: Int = 0, cancelled: Int = 0) {
        self.held = held
        self.cancelled = cancelled
    }

    /// cancelled ÷ (held + cancelled), or nil when there were none: 53 held and 12 cancelled is 12 ÷ 65,
    /// shown as 18% cancelled.
    public var cancelledShare: Double? { held + cancelled == 0 ? nil : Double(cancelled) / Double(held + cancelled) }

    /// Counts `count` sessions as they stand: a delivered session was held, a cancelled one was not, and one
    /// still scheduled is neither.
    public mutating func add(_ count: Int, standing status: SessionStatus) {
        switch status {
        case .delivered: held += count
        case .cancelled: cancelled += count
        case .scheduled: break
        }
    }
}
