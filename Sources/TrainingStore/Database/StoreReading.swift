import Foundation
import GRDB
import TrainingCore

/// The store's reads and nothing else. A read-only view (`ReadOnlyStore`, the handle that `reading` and
/// `inOneRead` give) has only these, so a write through a view does not compile; the database itself
/// (`AppDatabase`) has them too, beside its intentions, so a caller reads the same way from either. The
/// store's queries are written once, in extensions of this protocol.
public protocol StoreReading: Sendable {
    /// How this handle reaches the database: opaque outside the store.
    var readAccess: ReadAccess { get }
}

/// How a `StoreReading` handle reaches the database. Its contents are the store's own, so a view cannot be
/// turned back into a handle that writes.
public struct ReadAccess: Sendable {
    /// The database, or a handle joined to a view or a transaction; only ever read through.
    let database: AppDatabase
}

/// A read-only view of the database: every read through it sees one consistent snapshot (or the
/// transaction it was opened in, with that transaction's own writes), and it has no writes at all.
public struct ReadOnlyStore: StoreReading {
    public let readAccess: ReadAccess

    /// A view through `database`, a handle joined to a view or a transaction.
    init(_ database: AppDatabase) { readAccess = ReadAccess(database: database) }
}

extension AppDatabase: StoreReading {
    public var readAccess: ReadAccess { ReadAccess(database: self) }
}

extension StoreReading {
    /// Runs `value` on a consistent view (`AppDatabase.read`).
    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try readAccess.database.read(value)
    }

    /// The clock, injectable so tests can stand on a fixed day.
    var now: @Sendable () -> Date { readAccess.database.now }

    /// The London calendar day it is now.
    var today: LocalDate { LondonTime.date(of: now()) }

    /// The time by this database's clock (the real time, except in tests that stand on a fixed day).
    public func currentTime() -> Date { now() }

    /// Whether this handle's calls join a transaction or a view (`inOneTransaction`, `inOneRead`, the doors):
    /// such a handle is used on the thread that opened it, one call at a time.
    public var joinsATransaction: Bool { readAccess.database.transaction != nil }

    /// Runs `reads` on one consistent view: every read through the view it is given sees the same snapshot
    /// of the database, whatever is committed meanwhile. For figures that must agree with one another, such
    /// as one period's sheets of a workbook.
    public func inOneRead<T>(_ reads: (ReadOnlyStore) throws -> T) throws -> T {
        let database = readAccess.database
        // Within a transaction already, the view is of that transaction, which sees its own writes.
        if let transaction = database.transaction { return try database.onView(transaction.joined(), reads) }
        return try DatabaseFailure.translating { try database.writer.read { db in try database.onView(db, reads) } }
    }
}
