import Foundation
import GRDB

extension AppDatabase {
    /// Runs `reads` on one consistent view of the database through GRDB's asynchronous read, so a caller
    /// on Swift's cooperative thread pool (a web request) waits for it without holding a thread. The view
    /// `reads` is given (a `ReadOnlyStore`, which has no writes) reads that one snapshot throughout.
    public func reading<T: Sendable>(_ reads: @escaping @Sendable (ReadOnlyStore) throws -> T) async throws -> T {
        if transaction != nil { return try inOneRead(reads) }
        return try await DatabaseFailure.translating { try await writer.read { db in try self.onView(db, reads) } }
    }

    /// Runs `writes` as one write of the next group commit (`GroupCommit`), without blocking the calling
    /// thread while it waits for its turn or for the disk. Every store call through the handle `writes` is
    /// given is a savepoint of that write, so a call that fails changes nothing while the others stand;
    /// if `writes` throws, none of them is kept. It returns once the commit that holds it is on disk.
    @discardableResult
    public func writing<T: Sendable>(_ writes: @escaping @Sendable (AppDatabase) throws -> T) async throws -> T {
        if transaction != nil { return try inOneTransaction(writes) }
        return try await DatabaseFailure.translating {
            try await committer.write { db in
                let transaction = OpenTransaction(db)
                defer { transaction.close() }
                return try writes(AppDatabase(joining: transaction, of: self))
            }
        }
    }
}
