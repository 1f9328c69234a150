import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

/// The choice of pool for a new licence (LicencePoolChoice), without a database.
@Suite("Choice of licence pool")
struct LicencePoolChoiceTests {
    typealias Pool = LicencePoolChoice.Pool
    typealias QuotaUse = LicencePoolChoice.QuotaUse

    let endsInMarch = Pool(id: 1, endsOn: day("2026-03-31"), bought: 100, held: 40)
    let endsInDecember = Pool(id: 2, endsOn: day("2025-12-31"), bought: 10, held: 3)

    @Test func thePoolThatEndsFirstIsUsedFirst() {
        #expect(LicencePoolChoice.choose(from: [endsInMarch, endsInDecember], quotaUse: [:]) == .pool(2))
    }

    @Test func ofTwoPoolsEndingTheSameDayTheEarlierBoughtIsUsed() {
        let later = Pool(id: 7, endsOn: day("2025-12-31"), bought: 10, held: 0)
        #expect(LicencePoolChoice.choose(from: [later, endsInDecember], quotaUse: [:]) == .pool(2))
    }

    @Test func aPoolWithEveryLicenceHeldIsPassedOver() {
        // 10 bought, 10 held: none left, so the March pool's 60 are used.
        var full = endsInDecember
        full.held = 10
        #expect(LicencePoolChoice.choose(from: [endsInMarch, full], quotaUse: [:]) == .pool(1))
    }

    @Test func noPoolWithALicenceLeftIsNoLicencesLeft() {
        let full = Pool(id: 3, endsOn: day("2026-03-31"), bought: 5, held: 5)
        #expect(LicencePoolChoice.choose(from: [full], quotaUse: [:]) == .noLicencesLeft)
        #expect(LicencePoolChoice.choose(from: [], quotaUse: [:]) == .noLicencesLeft)
    }

    @Test func anAgencyAtItsQuotaInThePoolEndingFirstTakesFromTheNext() {
        // A quota of 3 in the December pool, 3 held there: the agency's next licence comes from March's.
        #expect(LicencePoolChoice.choose(from: [endsInMarch, endsInDecember], quotaUse: [2: QuotaUse(quota: 3, used: 3)]) == .pool(1))
    }

    @Test func anAgencyUnderItsQuotaTakesFromThePoolEndingFirst() {
        #expect(LicencePoolChoice.choose(from: [endsInMarch, endsInDecember], quotaUse: [2: QuotaUse(quota: 3, used: 2)]) == .pool(2))
    }

    @Test func anAgencyAtItsQuotaInEveryPoolWithLicencesLeftIsOverQuota() {
        let quotas: [Int64: QuotaUse] = [1: QuotaUse(quota: 0, used: 0), 2: QuotaUse(quota: 4, used: 5)]
        #expect(LicencePoolChoice.choose(from: [endsInMarch, endsInDecember], quotaUse: quotas) == .overQuota)
    }

    @Test func noLicencesLeftIsSaidBeforeAnyQuota() {
        let full = Pool(id: 3, endsOn: day("2026-03-31"), bought: 5, held: 5)
        #expect(LicencePoolChoice.choose(from: [full], quotaUse: [3: QuotaUse(quota: 1, used: 1)]) == .noLicencesLeft)
    }
}
