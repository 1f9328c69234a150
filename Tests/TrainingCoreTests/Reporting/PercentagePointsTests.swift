import Testing
@testable import TrainingCore

@Suite("Changes in a percentage are percentage points")
struct PercentagePointsTests {
    @Test("the change is the difference of the whole percentages shown", arguments: [
        (0.50, 0.56, 6),            // 50% → 56%
        (0.04, 12.0 / 65.0, 14),    // DOMAIN.md's 18% cancelled against 4%: 18 − 4, though 18.46 − 4 is 14.46
        (0.60, 0.50, -10),
        (0.5, 0.5, 0),
        (0.444, 0.446, 1),          // shown as 44% and 45%
    ])
    func pointsBetweenTwoShares(before: Double, now: Double, points: Int) {
        #expect(PercentagePoints.change(from: before, to: now) == points)
    }

    @Test func noChangeIsWorkedOutWhenEitherShareIsMissing() {
        #expect(PercentagePoints.change(from: nil, to: 0.5) == nil)
        #expect(PercentagePoints.change(from: 0.5, to: nil) == nil)
    }

    @Test("points are written with their sign and 'pts', never as a percentage", arguments: [
        (6, "+6 pts"), (-10, "-10 pts"), (0, "0 pts"), (1, "+1 pts"),
    ])
    func pointsText(points: Int, text: String) {
        #expect(PercentagePoints.text(points) == text)
    }

    @Test func aChangeThereIsNoneOfIsADash() {
        #expect(PercentagePoints.text(nil) == "–")
    }

    @Test("whole numbers are grouped in thousands", arguments: [
        (0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-1_200, "-1,200"),
    ])
    func grouping(number: Int, text: String) {
        #expect(wholeNumberText(number) == text)
    }
}
