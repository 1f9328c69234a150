import Foundation
import Testing
@testable import TrainingCore

@Suite("What a learner may do with their own place")
struct OwnPlaceRulesTests {
    let start = Date(timeIntervalSince1970: 1_763_371_800)   // Monday 17 November 2025, 09:30 London
    func place(_ status: BookingStatus) -> PlaceOnSession {
        PlaceOnSession(booking: 1, status: status, session: 1, sessionStatus: .scheduled, startsAt: start)
    }
    var before: Date { start.addingTimeInterval(-86_400) }

    @Test func aConfirmedPlaceWithAtLeastTheCutoffsNoticeIsTheLearnersToCancel() {
        #expect(OwnPlaceRules.learnerMayCancel(place(.confirmed), notice: 10, policy: .standard, at: before))
    }

    @Test func aConfirmedPlaceInsideTheCutoffIsTheBookersToCancel() {
        #expect(!OwnPlaceRules.learnerMayCancel(place(.confirmed), notice: 9, policy: .standard, at: before))
    }

    @Test func aWaitingListPlaceIsTheLearnersToCancelUntilTheStart() {
        #expect(OwnPlaceRules.learnerMayCancel(place(.waitlisted), notice: 0, policy: .standard, at: before))
        #expect(!OwnPlaceRules.learnerMayCancel(place(.waitlisted), notice: 0, policy: .standard, at: start))
    }
}
