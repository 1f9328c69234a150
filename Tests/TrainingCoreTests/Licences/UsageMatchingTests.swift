import Testing
import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

/// Matching a supplier's usage row to the learner's licences of the module (UsageMatching), without a database.
@Suite("Matching usage rows to licences")
struct UsageMatchingTests {
    typealias Licence = UsageMatching.Licence

    func licence(_ status: LicenceStatus, allocated: String, started: String? = nil, completed: String? = nil,
                 reclaimed: String? = nil, poolEnds: String? = "2026-03-31") -> Licence {
        Licence(status: status, allocatedOn: day(allocated), startedOn: started.map(day), completedOn: completed.map(day),
                reclaimedOn: reclaimed.map(day), poolEndsOn: poolEnds.map(day))
    }

    func match(started: String?, completed: String?, _ licences: [Licence]) -> Result<UsageMatching.Update, UsageRejection> {
        UsageMatching.match(startedOn: started.map(day), completedOn: completed.map(day), to: licences, learner: "Sam Patel",
                            module: "FGM Awareness")
    }

    @Test func aStartMovesAnAllocatedLicenceToStarted() throws {
        let update = try match(started: "2025-11-04", completed: nil, [licence(.allocated, allocated: "2025-11-01")]).get()
        #expect(update.index == 0 && update.effect == .started)
        #expect(update.licence == licence(.allocated, allocated: "2025-11-01", started: "2025-11-04").with(status: .started))
    }

    @Test func aCompletionWithoutAStartDateStartsAndCompletesOnThatDay() throws {
        let update = try match(started: nil, completed: "2025-11-05", [licence(.allocated, allocated: "2025-11-01")]).get()
        #expect(update.effect == .completed)
        #expect(update.licence.startedOn == day("2025-11-05") && update.licence.completedOn == day("2025-11-05"))
        #expect(update.licence.status == .completed)
    }

    @Test func theSameRowAgainChangesNothing() throws {
        let done = licence(.completed, allocated: "2025-11-01", started: "2025-11-04", completed: "2025-11-05")
        #expect(try match(started: "2025-11-04", completed: "2025-11-05", [done]).get().effect == .unchanged)
    }

    @Test func aCompletionIsNeverMovedBackwards() throws {
        let done = licence(.completed, allocated: "2025-11-01", started: "2025-11-04", completed: "2025-11-05")
        let update = try match(started: "2025-11-04", completed: "2025-11-20", [done]).get()
        #expect(update.effect == .unchanged && update.licence.completedOn == day("2025-11-05"))
    }

    @Test func anEarlierStartOnACompletedLicenceCountsAsAStart() throws {
        let done = licence(.completed, allocated: "2025-11-01", started: "2025-11-04", completed: "2025-11-05")
        let update = try match(started: "2025-11-02", completed: "2025-11-05", [done]).get()
        #expect(update.effect == .started && update.licence.startedOn == day("2025-11-02"))
    }

    @Test func oldDatesGoToTheLicenceHeldThenNotALaterRefresher() throws {
        // Newest first: a refresher of June 2025, the first licence of June 2024. Dates of July 2024 are the first's.
        let licences = [licence(.allocated, allocated: "2025-06-01"), licence(.allocated, allocated: "2024-06-01")]
        #expect(try match(started: "2024-07-01", completed: nil, licences).get().index == 1)
    }

    @Test func aCompletionAlreadyHeldIsMatchedToItsLicenceWhateverTheStart() throws {
        let licences = [licence(.allocated, allocated: "2025-06-01"),
                        licence(.completed, allocated: "2024-06-01", started: "2024-07-01", completed: "2024-07-02")]
        let update = try match(started: "2025-07-01", completed: "2024-07-02", licences).get()
        #expect(update.index == 1)
    }

    @Test func datesBeforeEveryLicenceAreRejectedNamingTheEarliest() {
        let licences = [licence(.allocated, allocated: "2025-06-01"), licence(.allocated, allocated: "2024-06-01")]
        #expect(match(started: "2024-05-01", completed: nil, licences)
                == .failure(.datesBeforeAllocation(learner: "Sam Patel", module: "FGM Awareness", allocatedOn: day("2024-06-01"))))
    }

    @Test func noLicenceOfTheModuleIsNoAllocation() {
        #expect(match(started: "2025-11-04", completed: nil, []) == .failure(.noAllocation(learner: "Sam Patel", module: "FGM Awareness")))
    }

    @Test func aReclaimedLicenceIsRejectedWithTheDayItWasReclaimed() {
        let reclaimed = licence(.reclaimed, allocated: "2025-09-01", reclaimed: "2025-11-01")
        #expect(match(started: "2025-11-04", completed: nil, [reclaimed]) == .failure(.reclaimed(on: day("2025-11-01"))))
    }

    @Test func useBegunAfterAnExpiredLicencesPoolEndedIsRejected() {
        let expired = licence(.expired, allocated: "2025-09-01", poolEnds: "2025-11-30")
        #expect(match(started: "2025-12-01", completed: nil, [expired]) == .failure(.expiredUnused(poolEndsOn: day("2025-11-30"))))
    }

    @Test func useBegunByAnExpiredLicencesLastDayIsRecorded() throws {
        let expired = licence(.expired, allocated: "2025-09-01", poolEnds: "2025-11-30")
        let update = try match(started: "2025-11-30", completed: "2025-12-03", [expired]).get()
        #expect(update.effect == .completed && update.licence.status == .completed)
    }

    @Test func aStartOnAnExpiredLicenceReplacedByANewerOneIsRejected() {
        let licences = [licence(.allocated, allocated: "2025-12-02"), licence(.expired, allocated: "2025-09-01", poolEnds: "2025-11-30")]
        #expect(match(started: "2025-11-20", completed: nil, licences) == .failure(.expiredAndReplaced(newerAllocatedOn: day("2025-12-02"))))
    }

    @Test func rejectionsReadAsTheOfficersSentences() {
        #expect(UsageRejection.unknownLearner(email: "ghost@council.example").description
                == "unknown learner: no learner has the email 'ghost@council.example'")
        #expect(UsageRejection.reclaimed(on: nil).description == "the licence was reclaimed on ?; allocate it again first")
    }
}

private extension UsageMatching.Licence {
    func with(status: LicenceStatus) -> Self {
        var copy = self
        copy.status = status
        return copy
    }
}
