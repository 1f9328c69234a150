import Foundation

/// How failed sign-ins slow further attempts down, without ever locking anyone out.
///
/// Failures are counted twice: against the account and against the client (its network address).
/// The first few failures cost nothing; each one after that doubles the wait before the next attempt,
/// up to `maximumDelay`. Failures are forgotten `memory` after their wait ends, and a success clears them.
///
/// A client's own failures always make it wait. The account's failures make only a *failing* client
/// wait: someone signing in from an address with no recent failures is never held up by an attack on
/// their account from elsewhere, so nobody can lock the officer out by guessing at her password.
///
/// A pure rule: the caller says what time it is, and keeps the records.
public struct SignInThrottle: Sendable, Equatable {
    /// Recent failures of one account or one client, and when the next attempt may be made.
    public struct Record: Sendable, Equatable {
        /// Failures in a row, not yet forgotten.
        public var failures: Int
        /// Before this instant a further attempt is refused.
        public var waitUntil: Date

        public init(failures: Int, waitUntil: Date) {
            self.failures = failures
            self.waitUntil = waitUntil
        }
    }

    /// Failures that cost no wait.
    public var freeFailures: Int
    /// The wait after the first failure beyond the free ones; each further failure doubles it.
    public var firstDelay: TimeInterval
    /// The longest wait, however many failures.
    public var maximumDelay: TimeInterval
    /// How long after its wait ends a record is forgotten.
    public var memory: TimeInterval

    public init(freeFailures: Int = 3, firstDelay: TimeInterval = 2, maximumDelay: TimeInterval = 15 * 60, memory: TimeInterval = 60 * 60) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.memory = memory
    }

    /// The wait after `failures` failures in a row: none for the free ones, then 2, 4, 8 ... seconds up to
    /// the maximum.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > freeFailures else { return 0 }
        let doublings = min(failures - freeFailures - 1, 30)
        return min(maximumDelay, firstDelay * pow(2, Double(doublings)))
    }

    /// The record as it stands at `instant`: nil once forgotten.
    public func current(_ record: Record?, at instant: Date) -> Record? {
        guard let record, record.failures > 0, instant < record.waitUntil.addingTimeInterval(memory) else { return nil }
        return record
    }

    /// The record after one more failure at `instant`.
    public func failing(_ record: Record?, at instant: Date) -> Record {
        let failures = (current(record, at: instant)?.failures ?? 0) + 1
        return Record(failures: failures, waitUntil: instant.addingTimeInterval(delay(afterFailures: failures)))
    }

    /// How many seconds (rounded up) an attempt at `instant` must wait, or nil when it may go ahead. The
    /// account's record counts only when the client itself has recent failures. Times are compared to the
    /// millisecond (what the database keeps of an account's record), so storing a record never adds a wait.
    public func wait(account: Record?, client: Record?, at instant: Date) -> Int? {
        guard let client = current(client, at: instant) else { return nil }
        let until = max(client.waitUntil, current(account, at: instant)?.waitUntil ?? .distantPast)
        let seconds = until.timeIntervalSince(instant) - Self.precision
        guard seconds > 0 else { return nil }
        return Int(seconds.rounded(.up))
    }

    /// How finely instants are compared.
    static let precision: TimeInterval = 0.001
}
