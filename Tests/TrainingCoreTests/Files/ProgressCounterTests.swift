import Testing
import TrainingCore

/// The fractions a progress callback was told, in order.
final class FractionsTold {
    var values: [Double] = []
    func record(_ fraction: Double) { values.append(fraction) }
}

@Suite("Progress counter")
struct ProgressCounterTests {
    @Test func itReportsEveryStrideAndOnceAtTheEnd() {
        let told = FractionsTold()
        var counter = ProgressCounter(total: 5, reportingEvery: 2, to: told.record)
        for _ in 1...5 { counter.advance() }
        counter.finish()
        // 2 of 5, 4 of 5, then the fifth item ends the pass; finishing again tells nothing more.
        #expect(told.values == [0.4, 0.8, 1])
    }

    @Test func aPassWithNothingToDoStillEndsAtOne() {
        let told = FractionsTold()
        var counter = ProgressCounter(total: 0, to: told.record)
        counter.finish()
        #expect(told.values == [1])
    }

    @Test func collectCountsBadElementsAsDoneToo() {
        let told = FractionsTold()
        var problems: [InputError] = []
        // 2,500 elements, every tenth refused: reports at 1,000 and 2,000 of 2,500, then 1.
        let kept = InputProblems.collect(Array(1...2_500), into: &problems, progress: told.record) { number -> Int in
            if number % 10 == 0 { throw InputError("refused \(number)") }
            return number
        }
        #expect(kept.count == 2_250)
        #expect(problems.count == 250)
        #expect(told.values == [0.4, 0.8, 1])
    }
}
