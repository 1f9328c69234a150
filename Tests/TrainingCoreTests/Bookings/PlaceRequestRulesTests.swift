import Foundation
import Testing
@testable import TrainingCore

@Suite("Who may ask for a place, and when a request lapses")
struct PlaceRequestRulesTests {
    let start = Date(timeIntervalSince1970: 1_763_371_800)   // Monday 17 November 2025, 09:30 London
    var cutoff: Date { start.addingTimeInterval(-7 * 86_400) }
    var window: BookingWindow { BookingWindow(sessionStatus: .scheduled, startsAt: start, cutoff: cutoff) }
    var before: Date { cutoff.addingTimeInterval(-3600) }

    func facts(takes: Bool = true, window: BookingWindow? = nil, held: BookingStatus? = nil, waiting: Bool = false,
               missing: [String] = []) -> PlaceRequestFacts {
        PlaceRequestFacts(agencyTakesRequests: takes, window: window ?? self.window, heldStatus: held, hasOpenRequest: waiting,
                          missingPrerequisites: missing)
    }

    @Test func aLearnerWhoseAgencyTakesRequestsAsksForAnOpenSession() throws {
        try PlaceRequestRules.checkRequest(facts(), at: before)
        try PlaceRequestRules.checkRequest(facts(), at: cutoff)   // the cut-off instant itself is still open
    }

    @Test func anAgencyTakingNoRequestsAClosedSessionAHeldPlaceAWaitingRequestOrAMissingPrerequisiteIsRefused() {
        let after = cutoff.addingTimeInterval(60)
        #expect(throws: PlaceRequestRefusal.agencyDoesNotTakeRequests) { try PlaceRequestRules.checkRequest(facts(takes: false), at: before) }
        #expect(throws: PlaceRequestRefusal.sessionClosed(.afterCutoff(cutoff: cutoff))) { try PlaceRequestRules.checkRequest(facts(), at: after) }
        let cancelled = BookingWindow(sessionStatus: .cancelled, startsAt: start, cutoff: cutoff)
        #expect(throws: PlaceRequestRefusal.sessionClosed(.sessionCancelled)) { try PlaceRequestRules.checkRequest(facts(window: cancelled), at: before) }
        #expect(throws: PlaceRequestRefusal.alreadyBooked(status: .waitlisted)) { try PlaceRequestRules.checkRequest(facts(held: .waitlisted), at: before) }
        #expect(throws: PlaceRequestRefusal.alreadyRequested) { try PlaceRequestRules.checkRequest(facts(waiting: true), at: before) }
        #expect(throws: PlaceRequestRefusal.missingPrerequisites(["Awareness"])) {
            try PlaceRequestRules.checkRequest(facts(missing: ["Awareness"]), at: before)
        }
        #expect(PlaceRequestRefusal.alreadyBooked(status: .waitlisted).localizedDescription == "you already have a place on this session (on the waiting list)")
    }

    @Test func aRequestLapsesAfterTheCutoffOrTheStartWithoutOneOrWhenTheSessionIsCancelled() {
        #expect(PlaceRequestRules.decideBy(window) == cutoff)
        #expect(!PlaceRequestRules.hasLapsed(window, at: cutoff))
        #expect(PlaceRequestRules.hasLapsed(window, at: cutoff.addingTimeInterval(0.001)))
        let noCutoff = BookingWindow(sessionStatus: .scheduled, startsAt: start, cutoff: nil)
        #expect(PlaceRequestRules.decideBy(noCutoff) == start)
        #expect(!PlaceRequestRules.hasLapsed(noCutoff, at: start.addingTimeInterval(-1)))
        #expect(PlaceRequestRules.hasLapsed(noCutoff, at: start))
        #expect(PlaceRequestRules.hasLapsed(BookingWindow(sessionStatus: .cancelled, startsAt: start, cutoff: cutoff), at: before))
    }

    @Test func aWaitingRequestIsShownLapsedOnceItsSessionClosesAndCannotThenBeDecided() {
        let after = cutoff.addingTimeInterval(60)
        #expect(PlaceRequestRules.state(stored: .requested, window: window, at: before) == .requested)
        #expect(PlaceRequestRules.state(stored: .requested, window: window, at: after) == .lapsed)
        #expect(PlaceRequestRules.state(stored: .approved, window: window, at: after) == .approved)
        #expect(throws: Never.self) { try PlaceRequestRules.checkDecision(stored: .requested, window: window, at: before) }
        #expect(throws: PlaceRequestRefusal.lapsed) { try PlaceRequestRules.checkDecision(stored: .requested, window: window, at: after) }
        #expect(throws: PlaceRequestRefusal.alreadyDecided(.declined)) { try PlaceRequestRules.checkDecision(stored: .declined, window: window, at: before) }
    }
}
