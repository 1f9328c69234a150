import Testing
import TrainingCore

/// Courses held and % cancelled (DOMAIN.md), without a database.
@Suite("Courses held and cancelled")
struct HeldAndCancelledTests {
    @Test func fiftyThreeHeldAndTwelveCancelledIsEighteenPercentCancelled() throws {
        let share = try #require(HeldAndCancelled(held: 53, cancelled: 12).cancelledShare)
        #expect(share == 12.0 / 65.0)
        #expect(Int((share * 100).rounded()) == 18)
    }

    @Test func noSessionsHaveNoShare() {
        #expect(HeldAndCancelled().cancelledShare == nil)
    }

    @Test func allCancelledIsEveryOne() {
        #expect(HeldAndCancelled(held: 0, cancelled: 4).cancelledShare == 1)
    }

    @Test func aDeliveredSessionIsHeldACancelledOneIsNotAndAScheduledOneIsNeither() {
        var figures = HeldAndCancelled()
        figures.add(3, standing: .delivered)
        figures.add(2, standing: .cancelled)
        figures.add(7, standing: .scheduled)
        #expect(figures == HeldAndCancelled(held: 3, cancelled: 2))
    }
}
