import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

/// Booking 7 on session 3, a three-hour session on Monday 17 November 2025 at 09:30, booked on Monday the 3rd.
private func facts(status: BookingStatus = .confirmed, session: SessionStatus = .scheduled, minutes: Int = 180,
                   hasAgency: Bool = true, promotedAt: Date? = nil, day: String = "2025-11-17") -> CancellationFacts {
    CancellationFacts(place: PlaceOnSession(booking: 7, status: status, session: 3, sessionStatus: session,
                                            startsAt: instant("\(day) 09:30")),
                      bookedAt: instant("2025-11-03 09:00"), sessionDate: try! LocalDate.parse(day), sessionMinutes: minutes,
                      hasAgency: hasAgency, promotedAt: promotedAt)
}

private func terms(_ facts: CancellationFacts, at london: String, reason: String? = nil,
                   policy: ChargingPolicy = .standard) -> CancellationTerms {
    CancellationRules.terms(facts, receivedAt: instant(london), reason: reason, calendar: WorkingCalendar(), policy: policy)
}

@Suite("Cancellation rules")
struct CancellationRuleTests {
    @Test func aCancellationDatedAfterItIsRecordedIsRefused() {
        let now = instant("2025-11-10 11:00")
        #expect(throws: CancellationRefusal.datedInTheFuture(instant("2025-11-10 11:01"))) {
            try CancellationRules.checkReceived(at: instant("2025-11-10 11:01"), now: now)
        }
        #expect(throws: Never.self) { try CancellationRules.checkReceived(at: now, now: now) }
    }

    @Test("a place that can no longer change is refused, naming why", arguments: [
        (BookingStatus.cancelled, SessionStatus.scheduled, CancellationRefusal.alreadyCancelled(booking: 7)),
        (.noPlaceCameUp, .cancelled, .waitingListClosed(booking: 7)),
        (.attended, .scheduled, .markedOnRegister(booking: 7, status: .attended)),
        (.didNotAttend, .delivered, .markedOnRegister(booking: 7, status: .didNotAttend)),
        (.confirmed, .delivered, .sessionClosed(session: 3, status: .delivered)),
        (.waitlisted, .cancelled, .sessionClosed(session: 3, status: .cancelled)),
    ])
    func aPlaceThatCannotChangeIsRefused(status: BookingStatus, session: SessionStatus, refusal: CancellationRefusal) {
        #expect(throws: refusal) { try CancellationRules.check(facts(status: status, session: session), receivedAt: instant("2025-11-10 11:00")) }
    }

    @Test func aCancellationReceivedOnceTheSessionHadStartedIsRefused() {
        #expect(throws: CancellationRefusal.sessionStarted(session: 3)) {
            try CancellationRules.check(facts(), receivedAt: instant("2025-11-17 09:30"))
        }
        #expect(throws: Never.self) { try CancellationRules.check(facts(), receivedAt: instant("2025-11-17 09:29")) }
    }

    @Test func aCancellationBeforeTheBookingIsRefusedButOneInTheMillisecondTheBookingIsHeldAsIsNot() {
        #expect(throws: CancellationRefusal.datedBeforeBooking(bookedAt: instant("2025-11-03 09:00"))) {
            try CancellationRules.check(facts(), receivedAt: instant("2025-11-03 08:59"))
        }
        // Held to the millisecond: 0.4 ms before the booking is the same millisecond.
        #expect(throws: Never.self) {
            try CancellationRules.check(facts(), receivedAt: instant("2025-11-03 09:00").addingTimeInterval(-0.0004))
        }
    }

    @Test func aLateCancellationOfAConfirmedPlaceCostsHalfTheHalfDayFee() throws {
        // Working days strictly between Monday 10 and Monday 17 November: 11, 12, 13, 14.
        let late = terms(facts(), at: "2025-11-10 11:00")
        #expect(late.notice == 4)
        let charge = try #require(late.charge)
        #expect(charge.amount == .pounds(25))
        #expect(charge.rule == "Late cancellation with 4 working days' notice (10 required): 50% of the £50.00 half-day place fee = £25.00")
    }

    @Test("notice at the cut-off is enough; a day less is late", arguments: [
        ("2025-10-31 16:00", 10, nil), ("2025-11-03 08:00", 9, Pence.pounds(25)),
    ])
    func noticeAtTheCutOff(cancelledAt: String, notice: Int, amount: Pence?) {
        let given = terms(facts(), at: cancelledAt)
        #expect(given.notice == notice)
        #expect(given.charge?.amount == amount)
    }

    @Test func noticeSkipsTheChristmasBankHolidaysAndAFullDayCostsHalfTheFullFee() {
        // 23, 24, 29, 30, 31 December: Christmas, Boxing Day, the weekend and New Year's Day are not working days.
        let given = terms(facts(minutes: 390, day: "2026-01-02"), at: "2025-12-22 10:00")
        #expect(given.notice == 5)
        #expect(given.charge?.amount == .pounds(50))
    }

    @Test func anExemptReasonRaisesAZeroChargeThatSaysWhy() {
        let given = terms(facts(), at: "2025-11-14 08:00", reason: "Illness")
        #expect(given.charge?.amount == .zero)
        #expect(given.charge?.exemptReason == "Illness")
    }

    @Test func aWaitingPlaceOrOneWithNoAgencyIsNeverCharged() {
        #expect(terms(facts(status: .waitlisted), at: "2025-11-14 08:00") == CancellationTerms(notice: 0, charge: nil))
        #expect(terms(facts(hasAgency: false), at: "2025-11-14 08:00") == CancellationTerms(notice: 0, charge: nil))
    }

    @Test func aPlaceGivenFromTheWaitingListAfterTheCutOffIsNotChargedUnlessThePolicySays() {
        let promotedLate = facts(promotedAt: instant("2025-11-12 10:00"))
        #expect(terms(promotedLate, at: "2025-11-13 10:00").charge == nil)
        var policy = ChargingPolicy.standard
        policy.chargesLateCancellationOfLatePromotion = true
        #expect(terms(promotedLate, at: "2025-11-13 10:00", policy: policy).charge?.amount == .pounds(25))
        // Promoted with the notice the cut-off asks: charged as any place.
        #expect(terms(facts(promotedAt: instant("2025-10-20 10:00")), at: "2025-11-13 10:00").charge?.amount == .pounds(25))
    }
}

@Suite("Changing a place")
struct PlaceChangeRuleTests {
    let place = PlaceOnSession(booking: 7, status: .confirmed, session: 3, sessionStatus: .scheduled, startsAt: instant("2025-11-17 09:30"))

    @Test func aLivePlaceMayChangeUpToTheStart() {
        #expect(place.mayChange(at: instant("2025-11-17 09:29")))
        #expect(place.changeBlocked(at: instant("2025-11-17 09:30")) == .sessionStarted)
    }

    @Test("only a confirmed or waiting place on a scheduled session may change", arguments: [
        (BookingStatus.waitlisted, SessionStatus.scheduled, PlaceChangeBlock?.none),
        (.cancelled, .scheduled, .placeIs(.cancelled)),
        (.attended, .scheduled, .placeIs(.attended)),
        (.confirmed, .cancelled, .sessionIs(.cancelled)),
        (.confirmed, .delivered, .sessionIs(.delivered)),
    ])
    func onlyALivePlaceMayChange(status: BookingStatus, session: SessionStatus, block: PlaceChangeBlock?) {
        var changed = place
        changed.status = status
        changed.sessionStatus = session
        #expect(changed.changeBlocked(at: instant("2025-11-10 10:00")) == block)
    }
}

@Suite("Cancellation refusals")
struct CancellationRefusalTests {
    @Test("each says what stops it, about the booking or the time it was received", arguments: [
        (CancellationRefusal.datedInTheFuture(instant("2025-11-10 11:01")), "a cancellation cannot be dated in the future (2025-11-10 11:01)", "field 'cancelledAt'"),
        (.datedBeforeBooking(bookedAt: instant("2025-11-03 09:00")), "a cancellation cannot be dated before the booking was made (2025-11-03 09:00)",
         "field 'cancelledAt'"),
        (.alreadyCancelled(booking: 7), "booking 7 is already cancelled", "field 'booking'"),
        (.waitingListClosed(booking: 7), "booking 7 waited for a place that never came up; the waiting list is closed", "field 'booking'"),
        (.markedOnRegister(booking: 7, status: .didNotAttend),
         "booking 7 is already marked on the register (did-not-attend); correct the register instead", "field 'booking'"),
        (.sessionClosed(session: 3, status: .delivered), "session 3 is delivered; its bookings cannot be cancelled", "field 'booking'"),
        (.sessionStarted(session: 3), "session 3 had started by then; mark the learner absent on the register instead", "field 'booking'"),
    ])
    func message(refusal: CancellationRefusal, expected: String, place: String) {
        #expect(refusal.localizedDescription == expected)
        #expect(refusal.location.description == place)
    }
}
