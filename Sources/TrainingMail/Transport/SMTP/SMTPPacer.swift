/// Spaces the messages out to the relay's rate (Office 365 takes 30 a minute from one mailbox): each
/// message gets the next free start, at least a minute / rate after the one before, across batches.
actor SMTPPacer {
    private let interval: Duration
    private var nextFree: ContinuousClock.Instant?

    init(messagesPerMinute: Int) {
        interval = .seconds(60) / max(messagesPerMinute, 1)
    }

    /// Waits until this message may start. Each caller is given its own start before waiting, so callers
    /// at the same time are spaced too.
    func waitForTurn() async {
        let now = ContinuousClock.now
        let start = max(now, nextFree ?? now)
        nextFree = start + interval
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }
}
