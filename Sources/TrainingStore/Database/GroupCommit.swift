import Foundation
import GRDB

/// Group commit: writes that arrive while another is being committed share the next commit.
///
/// Every write is made durable before it returns (`synchronous = FULL`: the commit waits for the disk), and
/// that wait, not the work, bounded bookings to a few hundred a second when many people book at once. Here
/// the writes waiting at the moment a commit starts are run, each in its own savepoint of one transaction,
/// then committed once, and each writer is told how its own write went. A write that fails is rolled back
/// alone, as if it had run on its own; if the commit itself fails, every write of the batch fails with it and
/// none is kept. No write returns before the commit that holds it is on disk, so "booked" still means booked.
///
/// A synchronous writer (the command line) that finds no commit under way leads one itself, on its own
/// thread. An asynchronous writer (a web request) never blocks a thread: its write is queued, and the batch
/// runs through GRDB's asynchronous write on the database's own queue, which keeps committing batches while
/// writes keep arriving.
final class GroupCommit: @unchecked Sendable {
    private let writer: any DatabaseWriter
    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var committing = false

    init(_ writer: any DatabaseWriter) { self.writer = writer }

    /// Runs `updates` as one write, committed together with any other writes waiting at the same time.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(updates) { updates in
            // The leader runs `updates` while this thread waits for the commit, so the closure never
            // outlives this call.
            let outcome = Outcome<T>()
            let job = Job.running(updates, into: outcome)
            condition.lock()
            waiting.append(job)
            while !job.isFinished && committing { condition.wait() }
            if !job.isFinished {
                committing = true
                let batch = takeWaiting()
                condition.unlock()
                Self.commit(batch, on: writer)
                condition.lock()
                finish(batch)
                leadNextBatch()
                condition.broadcast()
            }
            condition.unlock()
            return try Self.outcome(outcome.result, commitFailure: job.commitFailure)
        }
    }

    /// Runs `updates` as one write, committed together with any other writes waiting at the same time,
    /// without blocking the calling thread while it waits for its turn or for the disk.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Outcome<T>()
            let job = Job.running(updates, into: outcome)
            job.onFinish = { commitFailure in
                continuation.resume(with: Result { try Self.outcome(outcome.result, commitFailure: commitFailure) })
            }
            condition.lock()
            waiting.append(job)
            if !committing {
                committing = true
                commitAsynchronously()
            }
            condition.unlock()
        }
    }

    /// Commits the writes waiting now on the database's queue, then the next batch, until none is waiting.
    /// Called with the lock held and `committing` set.
    private func commitAsynchronously() {
        let batch = takeWaiting()
        writer.asyncWriteWithoutTransaction { db in
            Self.commit(batch, in: db)
            self.condition.lock()
            self.finish(batch)
            self.leadNextBatch()
            self.condition.broadcast()
            self.condition.unlock()
        }
    }

    /// After a batch: a synchronous writer still waiting leads the next batch on its own thread (it takes
    /// the asynchronous writes waiting too), as handing every batch to the database's queue would add a
    /// switch between threads to each commit, which halved concurrent bookings; writes of asynchronous
    /// writers alone have no thread waiting to lead them, and the queue commits them. Called with the lock
    /// held, before the broadcast that wakes the waiting writers.
    private func leadNextBatch() {
        if waiting.isEmpty || waiting.contains(where: \.isSynchronous) {
            committing = false
        } else {
            commitAsynchronously()
        }
    }

    /// Every write waiting, oldest first, leaving none. Called with the lock held.
    private func takeWaiting() -> [Job] {
        defer { waiting = [] }
        return waiting
    }

    /// Marks the batch's writes done and tells the asynchronous writers. Called with the lock held. Each
    /// write's closure is let go first: a synchronous writer's must not outlive its call, and the batch may
    /// still be held by the queue that committed it when that writer returns.
    private func finish(_ batch: [Job]) {
        for job in batch {
            job.run = nil
            job.isFinished = true
            job.onFinish?(job.commitFailure)
        }
    }

    private static func outcome<T>(_ result: Result<T, any Error>?, commitFailure: (any Error)?) throws -> T {
        switch (result, commitFailure) {
        case (.failure(let error)?, _): throw error
        case (_, let failure?): throw failure
        case (.success(let value)?, nil): return value
        case (nil, nil): preconditionFailure("a write of a batch was neither run nor failed")
        }
    }

    /// Runs the batch's writes, each in a savepoint, in one transaction.
    private static func commit(_ batch: [Job], on writer: any DatabaseWriter) {
        writer.writeWithoutTransaction { db in commit(batch, in: db) }
    }

    /// Runs the batch's writes, each in a savepoint, in one transaction of `db`.
    private static func commit(_ batch: [Job], in db: Database) {
        do {
            try db.inTransaction {
                for job in batch {
                    try db.inSavepoint { job.run?(db) == true ? .commit : .rollback }
                }
                return .commit
            }
        } catch {
            for job in batch { job.commitFailure = error }
        }
    }

    /// What a write returned or threw, kept until its batch is committed.
    private final class Outcome<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    /// One caller's write, as the leader runs it. Its flags are read and written under the lock, or by the
    /// leader while its caller waits.
    private final class Job: @unchecked Sendable {
        /// Runs the write; false when it failed and its savepoint must be rolled back. Nil once finished.
        var run: ((Database) -> Bool)?
        var isFinished = false
        var commitFailure: (any Error)?
        /// Tells an asynchronous writer how its write went (nil: committed), once its batch is done.
        var onFinish: ((_ commitFailure: (any Error)?) -> Void)?
        /// A synchronous writer's: its thread waits for the batch, and can lead one.
        var isSynchronous: Bool { onFinish == nil }

        init(_ run: @escaping (Database) -> Bool) { self.run = run }

        /// A job that runs `updates` and keeps what it returned or threw in `outcome`.
        static func running<T>(_ updates: @escaping (Database) throws -> T, into outcome: Outcome<T>) -> Job {
            Job { db in
                do {
                    outcome.result = .success(try updates(db))
                    return true
                } catch {
                    outcome.result = .failure(error)
                    return false
                }
            }
        }
    }
}
