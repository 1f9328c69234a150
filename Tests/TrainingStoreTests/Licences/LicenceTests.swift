import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

@Suite("E-learning licences")
struct LicenceTests {
    let module = Programme.module  // "Awareness of Domestic Abuse", an e-learning course

    @discardableResult
    func buy(_ programme: Programme, _ count: Int, from: String = "2025-04-01", to: String = "2026-03-31") throws -> Int64 {
        try programme.database.buyLicences(count: count, from: day(from), to: day(to), supplier: "Supplier", note: nil, by: "officer").id!
    }

    @Test func theLastLicenceIsAllocatedThenTheNextLearnerIsRefused() throws {
        let programme = try Programme()
        try buy(programme, 2)
        let results = try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example", "kim@council.example"], by: "officer")
        #expect(results.map { $0.allocation != nil } == [true, true, false])
        #expect(results[2].refusal == .noLicencesLeft)
        #expect(try programme.database.licenceStatus().total.left == 0)
    }

    @Test func licencesComeFromThePoolThatExpiresFirst() throws {
        let programme = try Programme()
        let later = try buy(programme, 5, from: "2025-04-01", to: "2026-09-30")
        let sooner = try buy(programme, 1, from: "2025-06-01", to: "2026-03-31")
        let results = try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example"], by: "officer")
        #expect(results.map(\.allocation?.poolId) == [sooner, later])
    }

    @Test func aPoolNotYetStartedOrExpiredIsNotUsed() throws {
        let programme = try Programme()  // today is 3 November 2025
        try buy(programme, 5, from: "2024-04-01", to: "2025-03-31")
        try buy(programme, 5, from: "2026-04-01", to: "2027-03-31")
        let results = try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        #expect(results[0].refusal == .noLicencesLeft)
    }

    @Test func anAgencyOverItsQuotaIsRefusedWhileOthersAreAllocated() throws {
        let programme = try Programme()
        let pool = try buy(programme, 10)
        try programme.database.setLicenceQuota(pool: pool, agencyName: "Calderdale Council", quota: 1, by: "officer")
        let results = try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example", "ann@nhs.example"], by: "officer")
        #expect(results.map { $0.allocation != nil } == [true, false, true])
        #expect(results[1].refusal == .overQuota(agency: "Calderdale Council"))
    }

    @Test func aSecondLiveLicenceForTheSameModuleIsRefused() throws {
        let programme = try Programme()
        try buy(programme, 10)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        let again = try programme.database.allocateLicences(module: module, to: ["SAM@council.example"], by: "officer")
        #expect(again[0].refusal == .alreadyHolds(module: module, status: .allocated))
        #expect(try programme.database.licenceStatus().total.allocated == 1)
    }

    @Test func aFaceToFaceCourseAndAnUnknownLearnerAreRefusedWithReasons() throws {
        let programme = try Programme()
        try buy(programme, 10)
        #expect(try programme.database.allocateLicences(module: Programme.halfDay, to: ["sam@council.example"], by: "o")[0].refusal
                == .notELearning(Programme.halfDay))
        #expect(try programme.database.allocateLicences(module: module, to: ["nobody@x.example"], by: "o")[0].refusal
                == .unknownLearner("nobody@x.example"))
    }

    @Test func usageMovesAllocationsOnAndImportingItAgainChangesNothing() throws {
        let programme = try Programme()
        try buy(programme, 10)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example"], by: "officer")
        let rows = [
            UsageRow(line: 2, email: "sam@council.example", module: module, startedOn: day("2025-11-04"), completedOn: nil),
            UsageRow(line: 3, email: "JO@council.example", module: module, startedOn: day("2025-11-04"), completedOn: day("2025-11-05")),
            UsageRow(line: 4, email: "ghost@council.example", module: module, startedOn: day("2025-11-04"), completedOn: nil),
            UsageRow(line: 5, email: "kim@council.example", module: module, startedOn: day("2025-11-04"), completedOn: nil),
        ]
        let first = try programme.database.importUsage(rows, by: "officer")
        #expect(first.started == 1)
        #expect(first.completed == 1)
        #expect(first.rejected.map(\.line) == [4, 5])
        #expect(first.rejected.map(\.reason.description) == ["unknown learner: no learner has the email 'ghost@council.example'",
                                                  "no allocation: Kim Lee has no licence for Awareness of Domestic Abuse"])
        let before = try programme.database.snapshot()
        let second = try programme.database.importUsage(rows, by: "officer")
        #expect(second.unchanged == 2)
        #expect(second.started + second.completed == 0)
        #expect(try programme.database.snapshot() == before)
    }

    @Test func aCompletionIsNeverMovedBackwards() throws {
        let programme = try Programme()
        try buy(programme, 10)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        try programme.database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: module,
                                                     startedOn: day("2025-11-04"), completedOn: day("2025-11-05"))], by: "o")
        let older = try programme.database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: module,
                                                                 startedOn: day("2025-11-04"), completedOn: nil)], by: "o")
        #expect(older.unchanged == 1)
        #expect(try programme.database.licenceStatus().total.completed == 1)
    }

    @Test func aCompletedModuleSatisfiesThePrerequisiteOfTheFaceToFaceCourse() throws {
        let programme = try Programme()
        try buy(programme, 10)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        try programme.database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: module,
                                                     startedOn: day("2025-11-03"), completedOn: day("2025-11-03"))], by: "o")
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.needsPrerequisite, start: at("2025-11-20 09:30"), end: at("2025-11-20 12:30")), by: "officer").id!
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").placed == .confirmed)
    }

    @Test func licencesNeverStartedAreReclaimedAndCanBeAllocatedAgain() throws {
        let programme = try Programme(clock: TestClock("2025-09-01 09:00"))
        try buy(programme, 2)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example"], by: "officer")
        try programme.database.importUsage([UsageRow(line: 2, email: "jo@council.example", module: module,
                                                     startedOn: day("2025-09-02"), completedOn: nil)], by: "o")
        programme.clock.set("2025-10-30 09:00")  // 59 days on: not yet
        #expect(try programme.database.reclaimUnusedLicences(olderThan: 60, by: "officer").isEmpty)
        programme.clock.set("2025-10-31 09:00")  // 60 days on
        let reclaimed = try programme.database.reclaimUnusedLicences(olderThan: 60, by: "officer")
        #expect(reclaimed.count == 1)
        let status = try programme.database.licenceStatus().total
        #expect(status.reclaimed == 1)
        #expect(status.left == 1)
        #expect(try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")[0].allocation != nil)
    }

    @Test func figuresCountEachEventInTheQuarterItHappened() throws {
        let programme = try Programme(clock: TestClock("2025-06-30 16:00"))  // the last day of Q1
        try buy(programme, 10)
        try programme.database.allocateLicences(module: module, to: ["sam@council.example", "ann@nhs.example"], by: "officer")
        programme.clock.set("2025-07-01 09:00")  // the first day of Q2
        try programme.database.allocateLicences(module: module, to: ["jo@council.example"], by: "officer")
        try programme.database.importUsage([
            UsageRow(line: 2, email: "sam@council.example", module: module, startedOn: day("2025-06-30"), completedOn: day("2025-07-01")),
        ], by: "o")
        programme.clock.set("2026-01-02 09:00")
        try programme.database.reclaimUnusedLicences(olderThan: 90, by: "officer")  // Jo and Ann, never started

        let figures = try programme.database.licenceFigures(period: FinancialYear(startYear: 2025))
        let q = FinancialYear(startYear: 2025).quarters
        #expect(figures.byQuarter[q[0]] == LicenceCounts(allocated: 2, started: 1, completed: 0, reclaimed: 0))
        #expect(figures.byQuarter[q[1]] == LicenceCounts(allocated: 1, started: 0, completed: 1, reclaimed: 0))
        #expect(figures.byQuarter[q[2]] == LicenceCounts())
        #expect(figures.byQuarter[q[3]] == LicenceCounts(allocated: 0, started: 0, completed: 0, reclaimed: 2))
        #expect(figures.total == LicenceCounts(allocated: 3, started: 1, completed: 1, reclaimed: 2))
        #expect(figures.bySector[.health] == LicenceCounts(allocated: 1, started: 0, completed: 0, reclaimed: 1))
        #expect(figures.byAgency["Calderdale Council"]?.allocated == 2)
        #expect(figures.byModule[module]?.completed == 1)
        #expect(figures.completionRate == 1.0 / 3.0)
        #expect(try programme.database.licenceFigures(period: FinancialYear(startYear: 2024)).total == LicenceCounts())
    }

    @Test func theRunOutDateFollowsTheRateOfTheLastNinetyDays() {
        // 90 allocated in 90 days is one a day: 45 left last 45 days.
        #expect(LicenceProjection.runOut(left: 45, recentAllocations: 90, today: day("2025-11-03")) == day("2025-12-18"))
        // 7 in 90 days with 10 left: 10 × 90 ÷ 7 = 128.6, so 129 days.
        #expect(LicenceProjection.runOut(left: 10, recentAllocations: 7, today: day("2025-11-03")) == day("2026-03-12"))
        #expect(LicenceProjection.runOut(left: 10, recentAllocations: 0, today: day("2025-11-03")) == nil)
    }
}

@Suite("Licences under concurrency")
struct LicenceConcurrencyTests {
    @Test(arguments: 1...5)
    func sixteenConcurrentAllocatorsTakeExactlyTheTenLicencesLeft(round: Int) throws {
        let folder = TemporaryFolder()
        let path = folder.path("licences.sqlite")
        let clock = TestClock("2025-11-03 09:00")
        let programme = try Programme(database: AppDatabase.open(path: path, create: true, now: clock.function), clock: clock)
        try programme.database.buyLicences(count: 12, from: day("2025-04-01"), to: day("2026-03-31"), supplier: nil, note: nil, by: "o")
        try programme.database.allocateLicences(module: Programme.module, to: ["sam@council.example", "jo@council.example"], by: "o")
        let emails = (1...16).map { "allocatee\($0)@council.example" }
        try programme.database.importLearners(try emails.enumerated().map { index, email in
            LocatedLearner(details: try learner("Allocatee \(index)", email), location: InputLocation(line: index + 2))
        }, updatingExisting: false, by: "officer")

        let allocators = try emails.map { _ in try AppDatabase.open(path: path, now: clock.function) }
        let outcomes = AllocationOutcomes()
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (allocator, email) in zip(allocators, emails) {
            done.enter()
            Thread {
                gate.wait()
                do {
                    outcomes.add(.success(try allocator.allocateLicences(module: Programme.module, to: [email], by: "officer")[0]))
                } catch {
                    outcomes.add(.failure(error))
                }
                done.leave()
            }.start()
        }
        for _ in emails { gate.signal() }
        done.wait()
        let results = outcomes.all.compactMap { try? $0.get() }
        #expect(results.count == 16, "some allocators failed: \(outcomes.all)")
        #expect(results.filter { $0.allocation != nil }.count == 10)
        #expect(results.filter { $0.refusal == .noLicencesLeft }.count == 6)
        #expect(try programme.database.licenceStatus().total.left == 0)
    }
}

final class AllocationOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<AllocationResult, any Error>] = []
    func add(_ outcome: Result<AllocationResult, any Error>) { lock.withLock { outcomes.append(outcome) } }
    var all: [Result<AllocationResult, any Error>] { lock.withLock { outcomes } }
}

@Suite("Take-up")
struct TakeUpTests {
    @Test func learnersReachedCountAttendanceAndCompletedModulesOnceEachAgainstTheWorkforce() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        let database = programme.database
        try database.addAgency(AgencyDetails(name: "West Yorkshire Police", sector: .police, isStatutoryPartner: true), by: "o")
        try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2025), headcount: 40, by: "o")
        try database.setWorkforce(agencyName: "West Yorkshire Police", year: FinancialYear(startYear: 2025), headcount: 300, by: "o")
        // Sam attends a session and completes a module (counted once); Jo completes a module; Kim is absent.
        try database.buyLicences(count: 10, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                 supplier: nil, note: nil, by: "o")
        try database.allocateLicences(module: Programme.module, to: ["sam@council.example", "jo@council.example"], by: "o")
        let done = LocalDate(year: 2025, month: 11, day: 3)!
        try database.importUsage(["sam@council.example", "jo@council.example"].enumerated().map {
            UsageRow(line: $0.offset + 2, email: $0.element, module: Programme.module, startedOn: done, completedOn: done)
        }, by: "o")
        let session = try programme.halfDaySession()
        try database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try database.book(session: session, learnerEmail: "kim@council.example", by: "b")
        programme.clock.set("2025-11-17 13:00")
        try database.mark(session: session, present: ["sam@council.example"], absent: ["kim@council.example"], by: "o")

        let lines = try database.takeUp(period: FinancialYear(startYear: 2025))
        #expect(lines.map(\.agencyName) == ["West Yorkshire Police", "Calderdale Council", "Calderdale NHS"])
        #expect(lines[0].hasStaffButNoTakeUp)
        #expect(lines[1].learnersReached == 2)
        #expect(lines[1].rate == 0.05)  // 2 of 40
        #expect(lines[2].workforce == nil)
        #expect(lines[2].rate == nil)
        #expect(try database.takeUp(period: FinancialYear(startYear: 2024)).allSatisfy { $0.learnersReached == 0 })
    }

    @Test func aPoolWithUnderTenPercentLeftIsRunningLow() {
        #expect(PoolStatus(bought: 100, allocated: 91).isRunningLow)
        #expect(!PoolStatus(bought: 100, allocated: 90).isRunningLow)
    }
}

/// Found in review: each pinned by the example that showed it.
extension LicenceTests {
    @Test func anOldCompletionDoesNotCompleteALaterRefresherLicence() throws {
        let programme = try Programme(clock: TestClock("2024-06-01 09:00"))
        let db = programme.database
        try db.buyLicences(count: 10, from: LocalDate(year: 2024, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!, supplier: nil, note: nil, by: "o")
        try db.allocateLicences(module: Programme.module, to: ["sam@council.example"], by: "o")
        let old = UsageRow(line: 2, email: "sam@council.example", module: Programme.module,
                           startedOn: LocalDate(year: 2024, month: 6, day: 2), completedOn: LocalDate(year: 2024, month: 6, day: 10))
        try db.importUsage([old], by: "o")
        programme.clock.set("2025-05-01 09:00")
        try db.allocateLicences(module: Programme.module, to: ["sam@council.example"], by: "o")   // the refresher
        let again = try db.importUsage([old], by: "o")
        #expect(again.unchanged == 1)
        #expect(try db.licenceStatus().total.allocated == 1)      // the refresher is still waiting to be started
        let tooEarly = UsageRow(line: 3, email: "sam@council.example", module: Programme.module,
                                startedOn: LocalDate(year: 2024, month: 5, day: 1), completedOn: nil)
        #expect(try db.importUsage([tooEarly], by: "o").rejected.map(\.reason.description)
                == ["the dates are before Sam Patel's licence for Awareness of Domestic Abuse was allocated on 2024-06-01"])
    }
}
