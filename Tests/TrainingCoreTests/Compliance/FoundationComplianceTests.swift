import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

/// Compliance by agency at the end of 2025-26 (31 March 2026), worked by hand (`FoundationCompliance`).
@Suite("Compliance: the foundation course in date")
struct FoundationComplianceTests {
    let yearEnd = day("2026-03-31")

    func done(_ learner: Int64, _ agency: Int64?, _ on: String, months: Int = 36) -> FoundationCompliance.Completion {
        FoundationCompliance.Completion(learnerId: learner, agencyId: agency, doneOn: day(on), refresherMonths: months)
    }

    @Test func aLearnerWhoseCourseFallsDueOnTheDayIsInDateAndOneDueTheDayBeforeIsNot() {
        // 1 April 2023 + 36 months = 1 April 2026: in date; 31 March 2023: due on the day, in date;
        // 30 March 2023: due 30 March 2026, the day before: out of date.
        let completions = [done(1, 10, "2023-04-01"), done(2, 10, "2023-03-31"), done(3, 10, "2023-03-30")]
        #expect(FoundationCompliance.learnersInDate(completions, on: yearEnd) == [10: 2])
    }

    @Test func aLearnerCountsUnderTheAgencyRecordedOnTheirLatestCompletion() {
        // Out of date with the council (due 1 January 2025), then trained again under the trust in June 2025.
        let completions = [done(4, 10, "2022-01-01"), done(4, 20, "2025-06-01")]
        #expect(FoundationCompliance.learnersInDate(completions, on: yearEnd) == [20: 1])
    }

    @Test func theLatestCompletionCountsEvenWhenAnEarlierOneHasALongerInterval() {
        // 1 December 2023 every 36 months (due 1 December 2026), then 1 January 2024 every 12 (due 1 January 2025).
        let completions = [done(5, 10, "2023-12-01", months: 36), done(5, 10, "2024-01-01", months: 12)]
        #expect(FoundationCompliance.learnersInDate(completions, on: yearEnd).isEmpty)
    }

    @Test func aCompletionAfterTheDayIsNotYetMade() {
        #expect(FoundationCompliance.learnersInDate([done(6, 10, "2026-04-02")], on: yearEnd).isEmpty)
    }

    @Test func aLearnerWithNoAgencyRecordedCountsUnderNone() {
        #expect(FoundationCompliance.learnersInDate([done(7, nil, "2025-01-01")], on: yearEnd) == [nil: 1])
    }

    @Test func theShareIsOverTheDeclaredWorkforceAndBlankWithoutOne() {
        #expect(FoundationCompliance.share(inDate: 3, workforce: 12) == 0.25)
        #expect(FoundationCompliance.share(inDate: 3, workforce: nil) == nil)
        #expect(FoundationCompliance.share(inDate: 3, workforce: 0) == nil)
    }

    @Test func thePartnershipShareAddsUpOnlyTheAgenciesWithAWorkforce() {
        // 10 of 40 and 20 of 60: 30 of 100. The 5 of the agency with no workforce declared are left out.
        let lines = [TakeUpLine(agencyName: "A", sector: .health, workforce: 40, learnersReached: 0, foundationInDate: 10),
                     TakeUpLine(agencyName: "B", sector: .police, workforce: 60, learnersReached: 0, foundationInDate: 20),
                     TakeUpLine(agencyName: "C", sector: .other, workforce: nil, learnersReached: 0, foundationInDate: 5)]
        #expect(FoundationCompliance.partnershipShare(lines) == 0.3)
        #expect(FoundationCompliance.partnershipShare([lines[2]]) == nil)
    }

    @Test func aTakeUpLineCarriesItsAgencysLearnersInDate() throws {
        let council = TakeUp.Agency(id: 1, name: "Calderdale Council", sector: .localAuthority, workforce: 1_400)
        let line = try #require(TakeUp.lines(agencies: [council], reached: [1: 350], inDate: [1: 700]).first)
        #expect(line.foundationInDate == 700 && line.foundationCompliance == 0.5)
    }
}
