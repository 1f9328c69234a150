import Foundation
import Testing
@testable import TrainingReports

@Suite("Two reads at once")
struct BothAtOnceTests {
    struct Stop: Error, Equatable {}

    /// Whether the other thread got to its end.
    final class Finished: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func set() { lock.withLock { done = true } }
        var isSet: Bool { lock.withLock { done } }
    }

    @Test func bothAtOnceReturnsOnlyOnceTheOtherThreadHasFinishedEvenWhenThisOneFails() {
        let finished = Finished()
        #expect(throws: Stop.self) {
            _ = try bothAtOnce({ () throws -> Int in throw Stop() }, { () -> Int in
                usleep(50_000)
                finished.set()
                return 1
            })
        }
        #expect(finished.isSet)
    }

    @Test func bothAtOnceGivesBothResultsOrTheFirstError() throws {
        let (a, b) = try bothAtOnce({ 1 }, { "two" })
        #expect(a == 1 && b == "two")
        #expect(throws: Stop.self) { _ = try bothAtOnce({ 1 }, { () throws -> Int in throw Stop() }) }
    }
}
