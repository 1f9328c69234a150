import Foundation
import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

@Suite("Licence and e-learning history rules")
struct LicenceRuleTests {
    @Test func anUnstartedAllocationExpiresTheDayAfterItsPoolEnds() {
        let end = day("2026-03-31")
        #expect(!LicenceRules.hasExpired(.allocated, poolEndsOn: end, on: day("2026-03-31")))
        #expect(LicenceRules.hasExpired(.allocated, poolEndsOn: end, on: day("2026-04-01")))
        for other in [LicenceStatus.started, .completed, .reclaimed, .lapsed, .expired] {
            #expect(!LicenceRules.hasExpired(other, poolEndsOn: end, on: day("2026-04-01")))
        }
        #expect(!LicenceRules.hasExpired(.allocated, poolEndsOn: nil, on: day("2030-01-01")))   // imported, no pool
    }

    @Test func usageCountsOnAnExpiredLicenceOnlyWhenItBeganByThePoolsLastDay() {
        let end = day("2025-11-30")
        #expect(LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: day("2025-11-30"), poolEndsOn: end))
        #expect(!LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: day("2025-12-01"), poolEndsOn: end))
        #expect(!LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: nil, poolEndsOn: end))
        #expect(!LicenceRules.usageCountsOnExpiredLicence(firstUsedOn: day("2025-11-01"), poolEndsOn: nil))
    }

    @Test func aPoolIsLiveFromItsFirstToItsLastDay() {
        #expect(!LicenceRules.isLive(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), on: day("2025-03-31")))
        #expect(LicenceRules.isLive(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), on: day("2025-04-01")))
        #expect(LicenceRules.isLive(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), on: day("2026-03-31")))
        #expect(!LicenceRules.isLive(startsOn: day("2025-04-01"), endsOn: day("2026-03-31"), on: day("2026-04-01")))
    }

    @Test func theRunOutDateIsThePoolsEndWhenItComesFirst() {
        let today = day("2025-11-03")
        // 90 allocated in 90 days: one a day. 100 left would last to 11 February 2026 (100 days),
        // but the pool ends on 30 November: from 1 December nothing is left.
        #expect(LicenceProjection.runOut(pools: [(100, day("2025-11-30"))], recentAllocations: 90, today: today) == day("2025-12-01"))
        // A pool that outlasts its licences runs out as before: 10 days.
        #expect(LicenceProjection.runOut(pools: [(10, day("2026-03-31"))], recentAllocations: 90, today: today) == day("2025-11-13"))
        #expect(LicenceProjection.runOut(left: 10, recentAllocations: 90, today: today) == day("2025-11-13"))
    }

    @Test func licencesLeftWhenAPoolEndsAreLostAndTheNextPoolTakesOver() {
        let today = day("2025-11-03")
        // One a day. The first pool (50 left) ends on 12 November: 10 days used (3–12 Nov), 40 lost. The
        // second (20 left) then lasts 20 days, 13 November to 2 December: none left on 3 December.
        let pools = [(left: 20, endsOn: day("2026-03-31")), (left: 50, endsOn: day("2025-11-12"))]
        #expect(LicenceProjection.runOut(pools: pools, recentAllocations: 90, today: today) == day("2025-12-03"))
        #expect(LicenceProjection.runOut(pools: pools, recentAllocations: 0, today: today) == nil)
        #expect(LicenceProjection.runOut(pools: [(0, day("2026-03-31"))], recentAllocations: 90, today: today) == nil)
    }
}
