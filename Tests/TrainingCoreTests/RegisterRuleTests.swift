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

    @Test func closingAWaitingListLeavesNoPlaceCameUpAndTouchesNoOtherPlace() {
        #expect(RegisterRules.closingWaitingList(.waitlisted) == .noPlaceCameUp)
        for other in [BookingStatus.confirmed, .attended, .didNotAttend, .cancelled, .noPlaceCameUp] {
            #expect(RegisterRules.closingWaitingList(other) == nil)
        }
    }
}
