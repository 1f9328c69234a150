import Foundation
import GRDB

/// A write transaction, or a read's consistent view, that store calls join instead of opening one each
/// (see `inOneTransaction` and `inOneRead`).
/// It is closed when the transaction ends, so a handle kept beyond it fails with a clear error.
final class OpenTransaction: @unchecked Sendable {
    private var database: Database?
    /// False for a read's view: the calls that join it may read only.
    let allowsWrites: Bool

    init(_ database: Database, allowsWrites: Bool = true) {
        self.database = database
        self.allowsWrites = allowsWrites
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

    /// Runs `reads` on one consistent view: every store call made through the `AppDatabase` it is given reads
    /// the same snapshot of the database, whatever is committed meanwhile (a write through it fails). For
    /// figures that must agree with one another, such as one period's sheets of a workbook.
    public func inOneRead<T>(_ reads: (AppDatabase) throws -> T) throws -> T {
        // Within a transaction already, the view is of that transaction, which sees its own writes.
        if let transaction { return try onView(transaction.joined(), reads) }
        return try DatabaseFailure.translating { try writer.read { db in try onView(db, reads) } }
    }

    /// Runs `reads` through a handle that joins `db` as a read-only view.
    func onView<T>(_ db: Database, _ reads: (AppDatabase) throws -> T) throws -> T {
        let view = OpenTransaction(db, allowsWrites: false)
        defer { view.close() }
        return try reads(AppDatabase(joining: view, of: self))
    }

    /// Whether this handle's calls join a transaction or a view (`inOneTransaction`, `inOneRead`): such a
    /// handle is used on the thread that opened it, one call at a time.
    public var joinsATransaction: Bool { transaction != nil }

    /// Runs `updates` as one write: a savepoint of the transaction it has joined, or else of the next
    /// commit, shared with the writes that arrive with it (`GroupCommit`). SQLite's failures leave it as
    /// `DatabaseFailure`s.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try DatabaseFailure.translating {
            guard let transaction else { return try committer.write(updates) }
            guard transaction.allowsWrites else { throw StoreError.readOnlyView }
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
