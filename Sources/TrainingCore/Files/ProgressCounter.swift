/// Counts the items of a long pass whose total is known, and tells `report` the fraction done (above 0, up
/// to 1) every `stride` items and once at the end — not on every item, so a loop over a million rows can
/// feed a progress bar for almost nothing. The fractions it reports rise strictly and the last is exactly 1.
/// It does no input or output itself: what to do with a fraction is the caller's.
public struct ProgressCounter {
    /// How many items pass between two reports unless a caller asks otherwise.
    public static let standardStride = 1_000

    public let total: Int
    public let stride: Int
    public private(set) var done = 0
    private let report: ((Double) -> Void)?
    private var reportedEnd = false

    /// A counter of `total` items reporting to `report` (nil: counting only) every `stride` items.
    public init(total: Int, reportingEvery stride: Int = ProgressCounter.standardStride, to report: ((Double) -> Void)?) {
        precondition(stride > 0, "a progress counter reports every one item or more")
        self.total = total
        self.stride = stride
        self.report = report
    }

    /// Counts one item done, reporting when a stride is complete or the last item is reached.
    public mutating func advance() {
        done += 1
        if done >= total {
            finish()
        } else if done % stride == 0 {
            report?(Double(done) / Double(total))
        }
    }

    /// Reports 1, unless already reported: for a pass that ended with no items, or whose end the caller
    /// wants to be sure is told.
    public mutating func finish() {
        guard !reportedEnd else { return }
        reportedEnd = true
        report?(1)
    }
}
