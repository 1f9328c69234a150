import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

@Suite("Register rules")
struct RegisterRuleTests {
    let start = instant("2025-11-17 09:30")

    @Test(arguments: [("2025-11-17 00:01", RegisterMarkRefusal?.some(.notStarted)), ("2025-11-17 09:29", .notStarted),
                      ("2025-11-17 09:30", nil), ("2025-11-18 10:00", nil)])
    func aMarkIsMadeOnlyFromTheSessionsStart(now: String, refusal: RegisterMarkRefusal?) {
        #expect(RegisterRules.markRefusal(sessionStatus: .scheduled, startsAt: start, at: instant(now)) == refusal)
    }

    @Test func aDeliveredOrCancelledSessionTakesNoMarks() {
        let later = instant("2025-11-18 10:00")
        #expect(RegisterRules.markRefusal(sessionStatus: .delivered, startsAt: start, at: later) == .sessionDelivered)
        #expect(RegisterRules.markRefusal(sessionStatus: .cancelled, startsAt: start, at: later) == .sessionCancelled)
    }

    @Test(arguments: [
        (BookingStatus.confirmed, SessionStatus.scheduled, "2025-11-16 12:00", RegisterRules.ErasedPlace.cancelWithoutCharge),
        (.waitlisted, .scheduled, "2025-11-16 12:00", .cancelWithoutCharge),
        (.confirmed, .scheduled, "2025-11-17 09:30", .keep),      // started: marked by its booking
        (.attended, .scheduled, "2025-11-17 10:00", .keep),
        (.cancelled, .scheduled, "2025-11-16 12:00", .keep),
        (.confirmed, .cancelled, "2025-11-16 12:00", .keep),
        (.attended, .delivered, "2025-11-20 12:00", .keep),
    ])
    func anErasedLearnersPlacesToComeAreCancelledAndOthersKept(booking: BookingStatus, session: SessionStatus, now: String,
                                                               fate: RegisterRules.ErasedPlace) {
        #expect(RegisterRules.erasedPlace(bookingStatus: booking, sessionStatus: session, startsAt: start, at: instant(now)) == fate)
    }

    @Test("a confirmed place takes its first mark and a marked one is corrected", arguments: [
        (BookingStatus.confirmed, true, RegisterMarkOutcome.marked(.attended, event: .attended)),
        (.confirmed, false, .marked(.didNotAttend, event: .didNotAttend)),
        (.didNotAttend, true, .marked(.attended, event: .registerCorrected)),
        (.attended, false, .marked(.didNotAttend, event: .registerCorrected)),
        (.attended, true, .unchanged),
        (.didNotAttend, false, .unchanged),
    ])
    func aMarkIsMadeOrCorrected(current: BookingStatus, attended: Bool, outcome: RegisterMarkOutcome) throws {
        #expect(try RegisterRules.mark(current, attended: attended, place: "sam@council.example", session: 3) == outcome)
    }

    @Test("a place not on the register is refused, naming it", arguments: [
        (BookingStatus.waitlisted, RegisterRefusal.waiting(place: "sam@council.example")),
        (.noPlaceCameUp, .noPlaceCameUp(place: "sam@council.example")),
        (.cancelled, .noPlace(place: "sam@council.example", session: 3)),
    ])
    func aPlaceNotOnTheRegisterIsRefused(current: BookingStatus, refusal: RegisterRefusal) {
        #expect(throws: refusal) { try RegisterRules.mark(current, attended: true, place: "sam@council.example", session: 3) }
    }

    @Test("each refusal says what stops it, about the session or the place named", arguments: [
        (RegisterRefusal(.sessionCancelled, session: 3, startsAt: Date()), "session 3 was cancelled: there is no register", "field 'session'"),
        (RegisterRefusal(.sessionDelivered, session: 3, startsAt: Date()), "session 3 is closed: its register can no longer be changed", "field 'session'"),
        (RegisterRefusal(.notStarted, session: 3, startsAt: instant("2025-11-17 09:30")), "session 3 has not happened yet (2025-11-17 09:30)",
         "field 'session'"),
        (.givenTwice(place: "sam@council.example"), "sam@council.example is given more than once", "field 'sam@council.example'"),
        (.noPlace(place: "booking 9", session: 3), "booking 9 has no place on session 3", "field 'booking 9'"),
        (.waiting(place: "jo@council.example"), "jo@council.example is on the waiting list, not booked: give them a place first",
         "field 'jo@council.example'"),
        (.noPlaceCameUp(place: "jo@council.example"), "jo@council.example waited for a place that never came up", "field 'jo@council.example'"),
    ])
    func message(refusal: RegisterRefusal, expected: String, place: String) {
        #expect(refusal.localizedDescription == expected)
        #expect(refusal.location.description == place)
    }

    @Test func closingAWaitingListLeavesNoPlaceCameUpAndTouchesNoOtherPlace() {
        #expect(RegisterRules.closingWaitingList(.waitlisted) == .noPlaceCameUp)
        for other in [BookingStatus.confirmed, .attended, .didNotAttend, .cancelled, .noPlaceCameUp] {
            #expect(RegisterRules.closingWaitingList(other) == nil)
        }
    }
}
