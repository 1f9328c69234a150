import Foundation
import GRDB

/// A write transaction, or a read's consistent view, that store calls join instead of opening one each
/// (see `inOneTransaction` and `inOneRead`). A view is reached only through a `ReadOnlyStore`, which has
/// no writes. It is closed when the transaction ends, so a handle kept beyond it fails with a clear error.
final class OpenTransaction: @unchecked Sendable {
    private var database: Database?

    init(_ database: Database) {
        self.database = database
    }

    func joined() throws -> Database {
        guard let database else { throw StoreError.transactionEnded }
        return database
    }

    func close() { database = nil }
}

extension AppDatabase {
    /// Runs `operations` in one write transaction: every store call made through the `AppDatabase` it is
    /// given joins that transaction instead of committing on its own, each as a savepoint, so a call that
    /// fails still changes nothing while the others stand. For building a large database (the demo) fast:
    /// the same functions and rules, one commit for many operations.
    public func inOneTransaction<T>(_ operations: (AppDatabase) throws -> T) throws -> T {
        if transaction != nil { return try operations(self) }
        return try DatabaseFailure.translating {
            try writer.write { db in
                let transaction = OpenTransaction(db)
                defer { transaction.close() }
                return try operations(AppDatabase(joining: transaction, of: self))
            }
        }
    }

    /// Runs `reads` through a read-only view that joins `db`.
    func onView<T>(_ db: Database, _ reads: (ReadOnlyStore) throws -> T) throws -> T {
        let view = OpenTransaction(db)
        defer { view.close() }
        return try reads(ReadOnlyStore(AppDatabase(joining: view, of: self)))
    }

    /// Runs `updates` as one write: a savepoint of the transaction it has joined, or else of the next
    /// commit, shared with the writes that arrive with it (`GroupCommit`). SQLite's failures leave it as
    /// `DatabaseFailure`s.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try DatabaseFailure.translating {
            guard let transaction else { return try committer.write(updates) }
            let db = try transaction.joined()
            var result: T?
            try db.inSavepoint {
                result = try updates(db)
                return .commit
            }
            // The savepoint returned without throwing, so `updates` ran to its end and gave its result.
            return result!
        }
    }

    /// Runs `value` on a consistent view: a reader, or the joined transaction, which sees its own writes.
    /// SQLite's failures leave it as `DatabaseFailure`s.
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try DatabaseFailure.translating {
            guard let transaction else { return try writer.read(value) }
            return try value(transaction.joined())
        }
    }
}
