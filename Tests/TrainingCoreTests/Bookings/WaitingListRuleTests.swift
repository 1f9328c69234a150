import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

/// A session of 3 places starting on Monday 17 November 2025 at 09:30, with learners of agencies 1, 1 and 2
/// waiting in that order.
private func facts(status: SessionStatus = .scheduled, taken: Int = 2, cap: Int? = nil, waiting: [Int64?] = [1, 1, 2],
                   agencyTaken: [Int64: Int] = [:]) -> WaitingListFacts {
    WaitingListFacts(sessionStatus: status, startsAt: instant("2025-11-17 09:30"), capacity: 3, placesTaken: taken, perAgencyCap: cap,
                     waitingAgencies: waiting, agencyPlacesTaken: agencyTaken)
}

@Suite("Waiting list rules")
struct WaitingListRuleTests {
    let friday = instant("2025-11-14 12:00")

    @Test func aFreedPlaceGoesToTheFirstWaiting() {
        #expect(WaitingListRules.next(facts(), at: friday) == 0)
    }

    @Test func aFullSessionPromotesNobody() {
        #expect(WaitingListRules.next(facts(taken: 3), at: friday) == nil)
    }

    @Test func nobodyWaitingNobodyPromoted() {
        #expect(WaitingListRules.next(facts(waiting: []), at: friday) == nil)
    }

    @Test("a session started, delivered or cancelled promotes nobody", arguments: [
        (SessionStatus.scheduled, "2025-11-17 09:30"), (.delivered, "2025-11-14 12:00"), (.cancelled, "2025-11-14 12:00"),
    ])
    func aClosedSessionPromotesNobody(status: SessionStatus, now: String) {
        #expect(WaitingListRules.next(facts(status: status), at: instant(now)) == nil)
    }

    @Test func anAgencyAtItsCapIsPassedOverForTheNextWaiting() {
        #expect(WaitingListRules.next(facts(cap: 1, agencyTaken: [1: 1, 2: 0]), at: friday) == 2)
    }

    @Test func anAgencyUnderItsCapTakesThePlaceInTurn() {
        #expect(WaitingListRules.next(facts(cap: 2, agencyTaken: [1: 1]), at: friday) == 0)
    }

    @Test func everyWaitingAgencyAtItsCapPromotesNobody() {
        #expect(WaitingListRules.next(facts(cap: 1, agencyTaken: [1: 1, 2: 1]), at: friday) == nil)
    }

    @Test func aLearnerWithNoAgencyIsNeverOverACap() {
        #expect(WaitingListRules.next(facts(cap: 1, waiting: [1, nil], agencyTaken: [1: 1]), at: friday) == 1)
    }
}
