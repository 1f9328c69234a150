import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

@Suite("Substitution rules")
struct SubstitutionRuleTests {
    let place = PlaceOnSession(booking: 7, status: .confirmed, session: 3, sessionStatus: .scheduled, startsAt: instant("2025-11-17 09:30"))

    @Test func aSubstitutionUpToTheStartIsAccepted() {
        #expect(throws: Never.self) { try SubstitutionRules.check(place, at: instant("2025-11-17 09:29")) }
    }

    @Test func aSubstitutionAfterTheStartIsRefused() {
        #expect(throws: SubstitutionRefusal.sessionStartedOrClosed(session: 3)) { try SubstitutionRules.check(place, at: instant("2025-11-17 09:31")) }
    }

    @Test func aSubstitutionOnAClosedSessionIsRefusedAsOneAfterTheStart() {
        var cancelled = place
        cancelled.sessionStatus = .cancelled
        #expect(throws: SubstitutionRefusal.sessionStartedOrClosed(session: 3)) { try SubstitutionRules.check(cancelled, at: instant("2025-11-10 10:00")) }
    }

    @Test("only a confirmed or waiting place is substituted", arguments: [BookingStatus.cancelled, .attended, .didNotAttend, .noPlaceCameUp])
    func onlyALivePlaceIsSubstituted(status: BookingStatus) {
        var given = place
        given.status = status
        #expect(throws: SubstitutionRefusal.placeNotLive(booking: 7, status: status)) {
            try SubstitutionRules.check(given, at: instant("2025-11-10 10:00"))
        }
    }

    @Test("a substitute comes from the booking's agency, and a booking with none takes no substitute", arguments: [
        (Int64?.some(1), Int64?.some(1), true), (2, 1, false), (nil, 1, false), (1, nil, false), (nil, nil, false),
    ])
    func aSubstituteComesFromTheSameAgency(substitute: Int64?, booking: Int64?, accepted: Bool) {
        #expect(SubstitutionRules.isSameAgency(substitute, as: booking) == accepted)
    }

    @Test func aSubstituteIsAcceptedAsABookingWouldBe() {
        #expect(throws: BookingRefusal.alreadyBooked(learner: "Jo Bloggs", status: .confirmed)) {
            try BookingRules.accept(LearnerOnSession(name: "Jo Bloggs", heldStatus: .confirmed, missingPrerequisites: [], overridingPrerequisites: false))
        }
    }

    @Test("each refusal says what stops it, about the booking or the substitute", arguments: [
        (SubstitutionRefusal.placeNotLive(booking: 7, status: .cancelled), "booking 7 is cancelled; only a confirmed or waiting place can be substituted",
         "field 'booking'"),
        (.sessionStartedOrClosed(session: 3), "session 3 has started or closed: substitutions are accepted up to the start", "field 'booking'"),
        (.notSameAgency(substitute: "Ann Nurse", agency: "Calderdale Council"),
         "Ann Nurse is not at Calderdale Council: a substitute must come from the same agency", "field 'learner'"),
        (.notSameAgency(substitute: "Ann Nurse", agency: nil), "Ann Nurse is not at the booking's agency: a substitute must come from the same agency",
         "field 'learner'"),
    ])
    func message(refusal: SubstitutionRefusal, expected: String, place: String) {
        #expect(refusal.localizedDescription == expected)
        #expect(refusal.location.description == place)
    }
}
