import Foundation
import Testing
import TrainingCore

@Suite("Handing rows from the reading thread to the writing one")
struct BatchHandOffTests {
    struct Stop: Error, Equatable {}

    /// Starts `read` on a thread of its own, as the export does.
    func reader(_ read: @escaping @Sendable () -> Void) { Thread { read() }.start() }

    @Test func everyBatchArrivesOnceAndInOrderThoughTheWriterIsSlower() throws {
        let handOff = BatchHandOff<Int>(limit: 2)
        reader {
            for start in stride(from: 0, to: 3_000, by: 3) { _ = handOff.put([start, start + 1, start + 2]) }
            handOff.finish()
        }
        var rows: [Int] = []
        while let batch = try handOff.take() {
            rows += batch
            if rows.count % 300 == 0 { usleep(100) }
        }
        #expect(rows == Array(0..<3_000))
    }

    @Test func theReadersErrorComesAfterTheBatchesItHandedOver() throws {
        let handOff = BatchHandOff<Int>(limit: 4)
        reader {
            _ = handOff.put([1, 2])
            _ = handOff.put([3])
            handOff.finish(throwing: Stop())
        }
        #expect(try handOff.take() == [1, 2])
        #expect(try handOff.take() == [3])
        #expect(throws: Stop.self) { try handOff.take() }
    }

    @Test func aWriterThatStopsReleasesAReaderWaitingForRoom() {
        // The reader fills the one place and waits for room for its second batch; the writer cancels
        // instead of taking, so the reader is told to stop and finishes.
        let handOff = BatchHandOff<Int>(limit: 1)
        let told = Told()
        reader {
            told.record(handOff.put([1]))
            told.record(handOff.put([2]))
            handOff.finish()
        }
        while told.answers.isEmpty { usleep(1_000) }
        handOff.cancel()
        handOff.waitUntilFinished()
        #expect(told.answers == [true, false])
    }

    /// What `put` answered, in order, across threads.

    final class Told: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Bool] = []
        func record(_ value: Bool) { lock.withLock { values.append(value) } }
        var answers: [Bool] { lock.withLock { values } }
    }
}
