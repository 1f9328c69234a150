import Foundation
import Testing
@testable import TrainingDemo

@Suite("The demo's queue of steps")
struct StepQueueTests {
    @Test func stepsComeOutEarliestFirstAndTiesInArrivalOrder() {
        var queue = DemoPartnership.StepQueue()
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        var random = DemoRandom(seed: 7)
        var expected: [(Date, Int64)] = []
        for index in 0..<500 {
            let when = day.addingTimeInterval(Double(random.int(0...40)) * 3_600)
            queue.append((when, .book(session: Int64(index))))
            expected.append((when, Int64(index)))
        }
        let sorted = expected.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        var played: [Int64] = []
        while let (_, step) = queue.next() {
            guard case .book(let session) = step else { continue }
            played.append(session)
        }
        #expect(played == sorted)
        #expect(queue.isEmpty)
    }
}
