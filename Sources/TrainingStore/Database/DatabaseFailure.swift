import GRDB

/// SQLite failed a read or a write for a reason of its own — the file busy with another program, the disk
/// full, the file read-only or damaged, a rule of the schema broken — not because of what a person asked.
///
/// The store throws this instead of GRDB's `DatabaseError`, turning one into the other as it leaves the
/// store, so no caller needs GRDB to tell failures apart. Each shell words it: the command line names the
/// file and what to do (`CommandLineWorded`). It is not a `UserFacingError`: changing what was asked does
/// not mend it, so the web shows it as a failure of the service, as it showed the `DatabaseError` it replaces.
public struct DatabaseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as SQLite's result code says.
    public enum Kind: Sendable, Hashable {
        /// Another connection holds the lock longer than the store waits (`SQLITE_BUSY`, `SQLITE_LOCKED`).
        case busy
        /// No room left on the disk (`SQLITE_FULL`).
        case diskFull
        /// The file, or its folder, cannot be written (`SQLITE_READONLY`).
        case readOnly
        /// The file cannot be opened (`SQLITE_CANTOPEN`).
        case cannotOpen
        /// The file is damaged or not a database (`SQLITE_CORRUPT`, `SQLITE_NOTADB`).
        case damaged
        /// A change broke a constraint of the schema (`SQLITE_CONSTRAINT`).
        case constraint
        /// Any other failure.
        case other
    }

    public let kind: Kind
    /// SQLite's own message, when it gave one.
    public let message: String?
    /// SQLite's result code and its name, `10 (disk I/O error)`.
    public let code: String
    /// The failure as GRDB described it (the code, the message, the statement), for logs.
    public let description: String

    init(_ error: DatabaseError) {
        kind = switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_FULL: .diskFull
        case .SQLITE_READONLY: .readOnly
        case .SQLITE_CANTOPEN: .cannotOpen
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .damaged
        case .SQLITE_CONSTRAINT: .constraint
        default: .other
        }
        message = error.message
        code = "\(error.resultCode)"
        description = "\(error)"
    }

    /// Runs `body`, turning a `DatabaseError` it throws into a `DatabaseFailure`: what each of the store's
    /// entry points that reaches SQLite runs its work through, so none lets GRDB's error out.
    static func translating<T>(_ body: () throws -> T) rethrows -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw DatabaseFailure(error)
        }
    }

    /// `translating` for the store's asynchronous doors (`reading`, `writing`).
    static func translating<T>(_ body: () async throws -> T) async rethrows -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw DatabaseFailure(error)
        }
    }
}
