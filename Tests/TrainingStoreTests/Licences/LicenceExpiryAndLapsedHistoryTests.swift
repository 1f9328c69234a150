import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

/// Issue 17: licences as they really run, and e-learning history as fact.
@Suite("Licences as they really run")
struct LicenceExpiryTests {
    let module = Programme.module

    @discardableResult
    func buy(_ programme: Programme, _ count: Int, from: String, to: String) throws -> Int64 {
        try programme.database.buyLicences(count: count, from: day(from), to: day(to), supplier: nil, note: nil, by: "officer").id!
    }

    func statuses(_ database: AppDatabase) throws -> [String] {
        try database.writer.read { try String.fetchAll($0, sql: "SELECT status FROM licenceAllocation ORDER BY id") }
    }

    @Test func anUnstartedAllocationExpiresWithItsPoolAndNoLongerBlocksANewOne() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        try buy(programme, 5, from: "2025-04-01", to: "2025-11-30")
        try buy(programme, 5, from: "2025-12-01", to: "2026-11-30")
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        programme.clock.set("2025-12-01 09:00")
        let again = try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        #expect(again[0].refusal == nil)
        #expect(try statuses(programme.database) == ["expired", "allocated"])
    }

    @Test func usageBegunAfterThePoolEndedIsNotRecordedOnTheExpiredLicence() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        try buy(programme, 5, from: "2025-04-01", to: "2025-11-30")
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        programme.clock.set("2025-12-05 09:00")
        _ = try programme.database.reclaimUnusedLicences(olderThan: 60, by: "officer")     // marks it expired
        let summary = try programme.database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: module,
                                                                    startedOn: day("2025-12-02"), completedOn: nil)], by: "officer")
        #expect(summary.rejected.map(\.reason.description)
                == ["the licence expired unused when its pool's contract ended on 2025-11-30; allocate one from a live pool first"])
        #expect(try statuses(programme.database) == ["expired"])
    }

    @Test func usageBegunBeforeThePoolEndedIsRecordedThoughTheReportCameLate() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        try buy(programme, 5, from: "2025-04-01", to: "2025-11-30")
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        programme.clock.set("2025-12-05 09:00")
        _ = try programme.database.reclaimUnusedLicences(olderThan: 60, by: "officer")
        let summary = try programme.database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: module,
                                                                    startedOn: day("2025-11-30"), completedOn: day("2025-12-03"))], by: "officer")
        #expect(summary.rejected.isEmpty && summary.completed == 1)
        #expect(try statuses(programme.database) == ["completed"])
    }

    @Test func reclaimSaysExpiredForAnEndedPoolsLicencesNotReturned() throws {
        let programme = try Programme(clock: TestClock("2025-09-01 09:00"))
        try buy(programme, 2, from: "2025-04-01", to: "2025-09-30")
        try buy(programme, 5, from: "2025-04-01", to: "2026-03-31")
        try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example"], by: "officer")
        try programme.database.allocateLicences(module: module, to: ["kim@council.example"], by: "officer")
        programme.clock.set("2025-12-01 09:00")
        let done = try programme.database.reclaimUnusedLicences(olderThan: 60, by: "officer")
        // Sam and Jo came from the pool that ends first (30 September): expired. Kim's is returned.
        #expect(done.map(\.status) == [.expired, .expired, .reclaimed])
        #expect(done.filter { $0.status == .expired }.allSatisfy { $0.reclaimedOn == nil })
    }

    @Test func statusCountsLeftOnlyInLivePools() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        try buy(programme, 10, from: "2024-04-01", to: "2025-03-31")   // ended: its 10 are gone
        try buy(programme, 20, from: "2025-04-01", to: "2026-03-31")
        try programme.database.allocateLicences(module: module, to: ["sam@council.example"], by: "officer")
        let (pools, total) = try programme.database.licenceStatus()
        #expect(pools.map(\.available) == [0, 19])
        #expect(pools.map(\.isLive) == [false, true])
        #expect(total.available == 19)
        #expect(total.left == 29)   // never allocated, as the board's "Licence pools now" has always shown
    }

    @Test func theRunOutDateRespectsThePoolsEnd() throws {
        let programme = try Programme(clock: TestClock("2025-11-03 09:00"))
        try buy(programme, 100, from: "2025-04-01", to: "2025-11-30")
        // 9 allocated in the last 90 days: one every ten days; 97 left would last 970 days, but the pool ends
        // on 30 November, so from 1 December none is left.
        try programme.database.allocateLicences(module: module, to: ["sam@council.example", "jo@council.example", "kim@council.example"],
                                                by: "officer")
        #expect(try programme.database.licenceRunOut() == day("2025-12-01"))
    }
}

@Suite("History as fact")
struct HistoryLapsedTests {
    func row(_ line: Int, _ allocated: String, started: String? = nil, completed: String? = nil) -> ELearningHistoryRow {
        ELearningHistoryRow(line: line, person: HistoryPerson(email: try! EmailAddress("amy@council.example"), name: "Amy",
                                                              agencyName: "Calderdale Council", sector: nil),
                            module: "FGM Awareness", allocatedOn: day(allocated), startedOn: started.map(day), completedOn: completed.map(day))
    }

    @Test func anEarlierUnfinishedAllocationFollowedByAnotherOfTheModuleIsImportedAsLapsed() throws {
        let programme = try Programme()
        var history = HistoryImport()
        history.eLearning = [row(2, "2016-05-01", started: "2016-05-03"), row(3, "2017-05-01")]
        try programme.database.importHistory(history, by: "officer")
        let rows = try programme.database.writer.read {
            try Row.fetchAll($0, sql: "SELECT status, startedOn FROM licenceAllocation ORDER BY allocatedOn")
        }
        #expect(rows.map { $0["status"] as String } == ["lapsed", "allocated"])
        #expect(rows[0]["startedOn"] as String? == "2016-05-03")   // the fact kept: started figures stay
    }

    @Test func anEarlierUnfinishedAllocationFollowedByACompletedOneIsImportedAsLapsed() throws {
        let programme = try Programme()
        var history = HistoryImport()
        history.eLearning = [row(2, "2016-05-01"), row(3, "2017-05-01", started: "2017-05-02", completed: "2017-05-03")]
        try programme.database.importHistory(history, by: "officer")
        #expect(try programme.database.writer.read {
            try String.fetchAll($0, sql: "SELECT status FROM licenceAllocation ORDER BY allocatedOn")
        } == ["lapsed", "completed"])
    }

    @Test func aLaterAllocationInASecondImportLapsesTheEarlierOneHeld() throws {
        let programme = try Programme()
        var first = HistoryImport()
        first.eLearning = [row(2, "2016-05-01")]
        try programme.database.importHistory(first, by: "officer")
        var second = HistoryImport()
        second.eLearning = [row(2, "2017-05-01")]
        try programme.database.importHistory(second, by: "officer")
        #expect(try programme.database.writer.read {
            try String.fetchAll($0, sql: "SELECT status FROM licenceAllocation ORDER BY allocatedOn")
        } == ["lapsed", "allocated"])
    }
}
