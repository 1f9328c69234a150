import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

/// A half-day session on Monday 17 November 2025 at 09:30 with 10 places, bookings closing on Friday the 14th at
/// 17:00, and Sam, who holds no place on it and has every prerequisite.
private func facts(status: SessionStatus = .scheduled, cutoff: Date? = instant("2025-11-14 17:00"), held: BookingStatus? = nil,
                   missing: [String] = [], overriding: Bool = false, capacity: Int = 10, taken: Int = 0, cap: Int? = nil,
                   agencyTaken: Int = 0) -> BookingFacts {
    BookingFacts(window: BookingWindow(sessionStatus: status, startsAt: instant("2025-11-17 09:30"), cutoff: cutoff),
                 learner: LearnerOnSession(name: "Sam Patel", heldStatus: held, missingPrerequisites: missing, overridingPrerequisites: overriding),
                 capacity: capacity, placesTaken: taken, perAgencyCap: cap, agencyPlacesTaken: agencyTaken)
}

@Suite("Booking rules")
struct BookingRuleTests {
    let monday = instant("2025-11-10 10:00")

    @Test func aPlaceIsConfirmedWhilePlacesRemain() throws {
        #expect(try BookingRules.decide(facts(taken: 9), at: monday) == BookingDecision(place: .confirmed, overriddenPrerequisites: []))
    }

    @Test func aFullSessionTakesTheBookingOntoTheWaitingList() throws {
        #expect(try BookingRules.decide(facts(taken: 10), at: monday).place == .waitlisted)
    }

    @Test("an agency at its fair share waits while places remain for others",
          arguments: [(1, PlaceDecision.confirmed), (2, .waitlisted), (3, .waitlisted)])
    func anAgencyAtItsCapWaits(agencyTaken: Int, place: PlaceDecision) throws {
        #expect(try BookingRules.decide(facts(taken: 4, cap: 2, agencyTaken: agencyTaken), at: monday).place == place)
    }

    @Test func withoutACapTheAgencysPlacesDoNotCount() throws {
        #expect(try BookingRules.decide(facts(taken: 4, agencyTaken: 4), at: monday).place == .confirmed)
    }

    @Test func aPlaceAfterTheCutOffIsRefused() {
        #expect(throws: BookingRefusal.afterCutoff(cutoff: instant("2025-11-14 17:00"))) {
            try BookingRules.decide(facts(), at: instant("2025-11-14 17:01"))
        }
    }

    @Test func theCutOffItselfIsStillOpen() throws {
        #expect(try BookingRules.decide(facts(), at: instant("2025-11-14 17:00")).place == .confirmed)
    }

    @Test func withoutACutOffBookingsCloseAtTheStart() throws {
        #expect(try BookingRules.decide(facts(cutoff: nil), at: instant("2025-11-17 09:29")).place == .confirmed)
        #expect(throws: BookingRefusal.sessionStarted) { try BookingRules.decide(facts(cutoff: nil), at: instant("2025-11-17 09:30")) }
    }

    @Test("a session that is not scheduled takes no booking",
          arguments: [(SessionStatus.cancelled, BookingRefusal.sessionCancelled), (.delivered, .sessionDelivered)])
    func aClosedSessionTakesNoBooking(status: SessionStatus, refusal: BookingRefusal) {
        #expect(throws: refusal) { try BookingRules.decide(facts(status: status), at: monday) }
    }

    @Test func aLearnerHoldingAPlaceAlreadyIsRefusedWithItsStatus() {
        #expect(throws: BookingRefusal.alreadyBooked(learner: "Sam Patel", status: .waitlisted)) {
            try BookingRules.decide(facts(held: .waitlisted), at: monday)
        }
    }

    @Test func aMissingPrerequisiteIsRefusedUnlessTheOfficerOverridesWhichIsReported() throws {
        #expect(throws: BookingRefusal.missingPrerequisites(["Awareness of Domestic Abuse"])) {
            try BookingRules.decide(facts(missing: ["Awareness of Domestic Abuse"]), at: monday)
        }
        let overridden = try BookingRules.decide(facts(missing: ["Awareness of Domestic Abuse"], overriding: true), at: monday)
        #expect(overridden == BookingDecision(place: .confirmed, overriddenPrerequisites: ["Awareness of Domestic Abuse"]))
    }

    @Test func theSessionIsJudgedBeforeTheLearnerAndTheLearnerBeforeThePlace() {
        #expect(throws: BookingRefusal.sessionCancelled) { try BookingRules.decide(facts(status: .cancelled, held: .confirmed), at: monday) }
        #expect(throws: BookingRefusal.alreadyBooked(learner: "Sam Patel", status: .confirmed)) {
            try BookingRules.decide(facts(held: .confirmed, missing: ["A"]), at: monday)
        }
    }

    @Test func theBookersSessionPageIsOpenExactlyWhileTheRuleTakesBookings() {
        let window = facts().window
        for now in ["2025-11-10 10:00", "2025-11-14 17:00", "2025-11-14 17:01", "2025-11-17 09:30"].map(instant) {
            #expect(window.isOpen(at: now) == (window.refusal(at: now) == nil))
        }
        #expect(window.isOpen(at: monday))
        #expect(!window.isOpen(at: instant("2025-11-14 17:01")))
    }
}

@Suite("Booking refusals")
struct BookingRefusalTests {
    @Test("every refusal reads as a sentence a booker can act on", arguments: [
        (BookingRefusal.alreadyBooked(learner: "Sam Patel", status: .waitlisted), "Sam Patel already has a place on this session (waitlisted)"),
        (.sessionCancelled, "the session has been cancelled"),
        (.sessionDelivered, "the session has already been delivered"),
        (.sessionStarted, "the session has already started"),
        (.afterCutoff(cutoff: instant("2025-11-10 17:00")), "bookings for this session closed at 2025-11-10 17:00"),
        (.missingPrerequisites(["Awareness of Domestic Abuse"]),
         "the learner has not completed the prerequisite course 'Awareness of Domestic Abuse' (the officer can override this)"),
        (.missingPrerequisites(["A", "B"]),
         "the learner has not completed the prerequisite courses 'A', 'B' (the officer can override this)"),
    ])
    func message(refusal: BookingRefusal, expected: String) {
        #expect(refusal.localizedDescription == expected)
    }
}
