import Foundation

/// Rows handed from a reading thread to the writing one in batches. At most `limit` batches wait at a
/// time, so memory stays flat however many rows there are: the reader waits while the writer is behind.
/// Either side can stop the other: the reader by finishing with an error (the writer's next `take`
/// throws it), the writer by cancelling (the reader's next `put` says so).
public final class BatchHandOff<Row: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let limit: Int
    private var waiting: [[Row]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    public init(limit: Int) { self.limit = limit }

    /// Reader: hands over a batch, waiting while `limit` batches are already waiting. False once the
    /// writer has cancelled, when the reader should stop.
    public func put(_ batch: [Row]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(batch)
        condition.broadcast()
        return true
    }

    /// Reader: there are no more batches; `error` is what stopped the reading early, if anything did.
    public func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Writer: the next batch, or nil once the reader has finished and every batch has been taken.
    /// Throws the error that stopped the reader, after the batches it handed over before it.
    public func take() throws -> [Row]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !finished { condition.wait() }
        if !waiting.isEmpty {
            condition.broadcast()
            return waiting.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Writer: stops the reader (the writing failed); batches waiting are dropped.
    public func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
    }

    /// Writer: waits until the reader has finished, so no read is left running once the writer returns.
    public func waitUntilFinished() {
        condition.lock()
        defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
