import Foundation
import TrainingStore

/// Runs `first` on this thread and `second` on another at the same time, and returns both results; when
/// either throws, the first error (first's before second's), always after both have ended, so no work is
/// left running. For independent reads of a workbook's figures, which SQLite answers on two connections,
/// one per core.
func bothAtOnce<A: Sendable, B: Sendable>(_ first: () throws -> A, _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
    let other = OtherThreadResult<B>()
    let thread = Thread { other.finish(Result { try second() }) }
    thread.start()
    let mine = Result { try first() }
    let theirs = other.wait()
    return (try mine.get(), try theirs.get())
}

/// Runs `first` and `second` at the same time (`bothAtOnce`), or one after the other on this thread when
/// `database` joins a door's view or a transaction (`StoreReading.joinsATransaction`): such a handle's
/// connection belongs to the thread running the door, and another thread using it stops the program.
func bothAtOnce<A: Sendable, B: Sendable>(from database: some StoreReading, _ first: () throws -> A,
                                          _ second: @escaping @Sendable () throws -> B) throws -> (A, B) {
    guard !database.joinsATransaction else { return (try first(), try second()) }
    return try bothAtOnce(first, second)
}

/// The result of work on another thread, handed over once it is done.
private final class OtherThreadResult<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    func finish(_ result: Result<Value, any Error>) {
        self.result = result
        done.signal()
    }

    func wait() -> Result<Value, any Error> {
        done.wait()
        return result!
    }
}
