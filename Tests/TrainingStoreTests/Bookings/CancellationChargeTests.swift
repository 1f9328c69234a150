import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Cancellation and charges")
struct ChargingTests {
    @Test func aCancellationWithLessNoticeThanTheCutoffCostsHalfTheHalfDayFee() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-10 11:00")
        let outcome = try programme.database.cancelBooking(booking.id!, by: "booker")
        // Working days strictly between Monday 10 and Monday 17 November: 11, 12, 13, 14.
        #expect(outcome.notice == 4)
        let charge = try #require(outcome.charge)
        #expect(charge.amountPence == 2500)
        #expect(charge.feePence == 5000)
        #expect(charge.percent == 50)
        #expect(charge.kind.rawValue == "late-cancellation")
        #expect(charge.rule == "Late cancellation with 4 working days' notice (10 required): 50% of the £50.00 half-day place fee = £25.00")
    }

    @Test("notice at the cut-off is enough; a day less is late", arguments: [
        // Working days strictly between the cancellation and Monday 17 November: 3–7 and 10–14 November.
        ("2025-10-31 16:00", 10, nil),
        // 4–7 and 10–14 November.
        ("2025-11-03 08:00", 9, 2500),
    ])
    func noticeAtTheCutoff(cancelledAt: String, notice: Int, amount: Int?) throws {
        let programme = try Programme(clock: TestClock("2025-10-30 09:00"))
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-05 09:00")
        let outcome = try programme.database.cancelBooking(booking.id!, by: "booker", at: at(cancelledAt))
        #expect(outcome.notice == notice)
        #expect(outcome.charge?.amountPence == amount)
    }

    @Test func aCancellationCannotBeDatedBeforeTheBooking() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        let refusal = CancellationRefusal.datedBeforeBooking(bookedAt: at("2025-11-03 09:00"))
        #expect(throws: refusal) {
            try programme.database.cancelBooking(booking.id!, by: "booker", at: at("2025-11-01 09:00"))
        }
        #expect(refusal.localizedDescription == "a cancellation cannot be dated before the booking was made (2025-11-03 09:00)")
        #expect(refusal.location == InputLocation(input: .cancelledAt))
    }

    @Test func aCancellationInTheMillisecondTheBookingIsHeldAsIsNotBeforeIt() throws {
        // Booked at 09:00:00.0008, held as 09:00:00.001; cancelled a tenth of a millisecond later.
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booked = at("2025-11-03 09:00").addingTimeInterval(0.0008)
        programme.clock.set(instant: booked)
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set(instant: booked.addingTimeInterval(0.0001))
        let outcome = try programme.database.cancelBooking(booking.id!, by: "booker")
        #expect(outcome.booking.status.rawValue == "cancelled")
    }

    @Test func noticeAcrossTheChristmasBankHolidaysOfAFullDaySession() throws {
        let programme = try Programme(clock: TestClock("2025-12-01 09:00"))
        let session = try programme.fullDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-12-22 10:00")
        let outcome = try programme.database.cancelBooking(booking.id!, by: "booker")
        // 23, 24, 29, 30, 31 December: Christmas, Boxing Day, the weekend and New Year's Day are not working days.
        #expect(outcome.notice == 5)
        #expect(outcome.charge?.amountPence == 5000)  // 50% of the £100 full-day fee
    }

    @Test func anExemptReasonRaisesAZeroChargeThatStaysVisible() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-14 08:00")
        let outcome = try programme.database.cancelBooking(booking.id!, by: "booker", reason: "Illness")
        #expect(outcome.charge?.amountPence == 0)
        #expect(outcome.charge?.exemptReason == "Illness")
        let listed = try programme.database.charges()
        #expect(listed.count == 1)
        #expect(listed[0].charge.rule == "Late cancellation with 0 working days' notice (10 required), exempt: Illness")
    }

    @Test func cancellingAWaitingPlaceIsFreeAndPromotesNobody() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        let waiting = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").booking
        programme.clock.set("2025-11-14 08:00")
        let outcome = try programme.database.cancelBooking(waiting.id!, by: "b")
        #expect(outcome.charge == nil)
        #expect(outcome.promoted == nil)
    }

    @Test func whenThePartnershipCancelsASessionEveryBookingIsReleasedWithoutChargeAndBookersAreTold() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker-a")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker-b")
        programme.clock.set("2025-11-14 08:00")
        let released = try programme.database.cancelSession(session, reason: .trainer, note: "Trainer ill", by: "officer")
        #expect(released.count == 2)
        #expect(try programme.database.count("charge") == 0)
        #expect(try programme.database.notifications().map(\.recipient) == ["booker-a", "booker-b"])
        #expect(try programme.database.sessionDetails(session).cancelled.count == 1)   // the waiting place: no place came up
        #expect(try programme.database.writer.read { try String.fetchAll($0, sql: "SELECT status FROM booking ORDER BY id") }
                == ["cancelled", "no-place-came-up"])
    }

    @Test func cancellingTwiceIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        try programme.database.cancelBooking(booking.id!, by: "b")
        let refusal = CancellationRefusal.alreadyCancelled(booking: booking.id!)
        #expect(throws: refusal) {
            try programme.database.cancelBooking(booking.id!, by: "b")
        }
        #expect(refusal.localizedDescription == "booking \(booking.id!) is already cancelled")
        #expect(refusal.location == InputLocation(field: "booking"))
    }

    @Test func aWaivedChargeNeedsAReasonIsAuditedAndIsNotInvoiced() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-11-12 08:00")
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b").charge)
        #expect(throws: InputError("a waiver needs a reason", at: InputLocation(input: .reason))) {
            try programme.database.waiveCharge(charge.id!, reason: "  ", by: "officer")
        }
        try programme.database.waiveCharge(charge.id!, reason: "Snow closed the roads", by: "officer")
        #expect(try programme.database.charges()[0].charge.waiverReason == "Snow closed the roads")
        #expect(try programme.database.auditLog(limit: 1)[0].action == .chargeWaived)
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").isEmpty)
    }

    @Test func changingThePolicyNeverRewritesAChargeAlreadyRaised() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").booking
        programme.clock.set("2025-11-12 08:00")
        try programme.database.cancelBooking(sam.id!, by: "b")
        var policy = ChargingPolicy.standard
        policy.lateCancellationPercent = 100
        policy.halfDayFee = .pounds(60)
        try programme.database.setChargingPolicy(policy, by: "officer")
        try programme.database.cancelBooking(jo.id!, by: "b")
        let amounts = try programme.database.charges().map(\.charge.amountPence).sorted()
        #expect(amounts == [2500, 6000])
        #expect(try programme.database.chargingPolicy() == policy)
    }
}

/// Found in review: each pinned by the example that showed it.
extension ChargingTests {
    @Test func whenThePartnershipCancelsALateCancellationIsNoLongerCharged() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-11-12 09:00")
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b").charge)
        #expect(charge.amountPence == 2500)
        programme.clock.set("2025-11-13 09:00")
        try programme.database.cancelSession(session, reason: .venue, note: nil, by: "o")
        #expect(try programme.database.charges()[0].charge.reversedAt != nil)
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "o").isEmpty)
    }

    @Test func aWaiverStandsWhenAnAbsenceIsMarkedAgainAfterACorrection() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        programme.clock.set("2025-11-17 13:00")
        let first = try #require(try programme.database.mark(session: session, absent: ["sam@council.example"], by: "o")[0].chargeRaised)
        try programme.database.waiveCharge(first.id!, reason: "Emergency at work", by: "o")
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "o")
        let again = try #require(try programme.database.mark(session: session, absent: ["sam@council.example"], by: "o")[0].chargeRaised)
        #expect(again.waiverReason == "Emergency at work")
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "o").isEmpty)
    }
}
