import Foundation
import GRDB

/// Group commit: writes that arrive while another is being committed share the next commit.
///
/// Every write is made durable before it returns (`synchronous = FULL`: the commit waits for the disk), and
/// that wait, not the work, bounded bookings to a few hundred a second when many people book at once. Here
/// the first writer to find no commit under way leads: it takes every write waiting at that moment and
/// runs each in its own savepoint of one transaction, then commits once and tells each writer how its
/// own write went. A write that fails is rolled back alone, as if it had run on its own; if the commit
/// itself fails, every write of the batch fails with it and none is kept. No write returns before the
/// commit that holds it is on disk, so "booked" still means booked.
final class GroupCommit: @unchecked Sendable {
    private let writer: any DatabaseWriter
    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var committing = false

    init(_ writer: any DatabaseWriter) { self.writer = writer }

    /// Runs `updates` as one write, committed together with any other writes waiting at the same time.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(updates) { updates in
            // The leader runs `updates` on its own thread while this thread waits for the commit, so the
            // closure never outlives this call.
            var result: Result<T, any Error>?
            let job = Job { db in
                do {
                    result = .success(try updates(db))
                    return true
                } catch {
                    result = .failure(error)
                    return false
                }
            }
            condition.lock()
            waiting.append(job)
            while !job.isFinished && committing { condition.wait() }
            if !job.isFinished {
                committing = true
                let batch = waiting
                waiting = []
                condition.unlock()
                Self.commit(batch, on: writer)
                condition.lock()
                for finished in batch { finished.isFinished = true }
                committing = false
                condition.broadcast()
            }
            condition.unlock()
            switch (result, job.commitFailure) {
            case (.failure(let error)?, _): throw error
            case (_, let failure?): throw failure
            case (.success(let value)?, nil): return value
            case (nil, nil): preconditionFailure("a write of a batch was neither run nor failed")
            }
        }
    }

    /// Runs the batch's writes, each in a savepoint, in one transaction.
    private static func commit(_ batch: [Job], on writer: any DatabaseWriter) {
        do {
            try writer.write { db in
                for job in batch {
                    try db.inSavepoint { job.run(db) ? .commit : .rollback }
                }
            }
        } catch {
            for job in batch { job.commitFailure = error }
        }
    }

    /// One caller's write, as the leader runs it. Its flags are read and written under the lock, or by the
    /// leader while its caller waits.
    private final class Job: @unchecked Sendable {
        /// Runs the write; false when it failed and its savepoint must be rolled back.
        let run: (Database) -> Bool
        var isFinished = false
        var commitFailure: (any Error)?

        init(_ run: @escaping (Database) -> Bool) { self.run = run }
    }
}
