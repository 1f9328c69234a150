import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Scheduling")
struct SchedulingTests {
    @Test func aSessionTakesTheCourseDefaultsAndItsLondonDate() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30")), by: "officer")
        #expect(session.capacity == 20)
        #expect(session.minimumNumbers == 6)
        #expect(session.delivery == "face-to-face")
        #expect(session.startDate == LocalDate(year: 2025, month: 11, day: 17))
        #expect(session.minutes == 180)
    }

    @Test func aSessionCannotEndBeforeItStarts() throws {
        let programme = try Programme()
        #expect(throws: InputError("the session ends (2025-11-17 09:00) before it starts (2025-11-17 09:30)", at: InputLocation(field: "--end"))) {
            try programme.database.scheduleSession(
                SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 09:00")), by: "officer")
        }
        #expect(try programme.database.count("session") == 0)
    }

    @Test func aRetiredCourseCannotBeScheduled() throws {
        let programme = try Programme()
        var retired = course("Old course")
        retired.isActive = false
        try programme.database.importCatalogue([entry(retired)], by: "officer")
        #expect(throws: InputError("the course 'Old course' is retired: sessions cannot be scheduled for it", at: InputLocation(field: "course"))) {
            try programme.database.scheduleSession(
                SessionPlan(courseTitle: "Old course", start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30")), by: "officer")
        }
    }

    @Test func sessionsAreListedByFinancialYearOfTheirStart() throws {
        let programme = try Programme()
        try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2026-03-31 09:30"), end: at("2026-03-31 12:30")), by: "officer")
        try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2026-04-01 09:30"), end: at("2026-04-01 12:30")), by: "officer")
        #expect(try programme.database.sessions(year: FinancialYear(startYear: 2025)).map(\.session.startDate.description) == ["2026-03-31"])
        #expect(try programme.database.sessions(year: FinancialYear(startYear: 2026)).map(\.session.startDate.description) == ["2026-04-01"])
    }
}

@Suite("Booking and the waiting list")
struct BookingTests {
    @Test func placesAreConfirmedUntilFullThenTheWaitingListFillsInOrder() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 2)
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").placed == .confirmed)
        #expect(try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker").placed == .confirmed)
        let third = try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker")
        #expect(third.placed == .waitlisted)
        #expect(third.waitingPosition == 0)
        let fourth = try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        #expect(fourth.waitingPosition == 1)
        let details = try programme.database.sessionDetails(session)
        #expect(details.summary.placesLeft == 0)
        #expect(details.waitingList.map(\.learnerName) == ["Kim Lee", "Ann Nurse"])
    }

    @Test func aSecondBookingOfTheSameLearnerIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(throws: BookingRefusal.alreadyBooked(learner: "Sam Patel", status: "confirmed")) {
            try programme.database.book(session: session, learnerEmail: "SAM@council.example", by: "booker")
        }
        #expect(BookingRefusal.alreadyBooked(learner: "Sam Patel", status: "confirmed").localizedDescription
                == "Sam Patel already has a place on this session (confirmed)")
    }

    @Test func aBookingAfterTheCutoffIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(cutoff: at("2025-11-10 17:00"))
        programme.clock.set("2025-11-10 17:01")
        #expect(throws: BookingRefusal.afterCutoff(cutoff: "2025-11-10 17:00")) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
        #expect(try programme.database.count("booking") == 0)
    }

    @Test func aBookingOnACancelledSessionIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.cancelSession(session, reason: .lowNumbers, note: nil, by: "officer")
        #expect(throws: BookingRefusal.sessionCancelled) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
    }

    @Test func aBookingOnAPastSessionIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        programme.clock.set("2025-11-17 09:30")
        #expect(throws: BookingRefusal.sessionStarted) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
    }

    @Test func aLearnerWithoutThePrerequisiteIsRefusedUnlessTheOfficerOverrides() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.needsPrerequisite, start: at("2025-11-20 09:30"), end: at("2025-11-20 12:30")), by: "officer").id!
        #expect(throws: BookingRefusal.missingPrerequisites(["Awareness of Domestic Abuse"])) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
        let outcome = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer", overridePrerequisites: true)
        #expect(outcome.placed == .confirmed)
        #expect(try programme.database.auditLog().contains { $0.action == "prerequisites overridden" })
    }

    @Test func aCompletedELearningModuleCountsAsThePrerequisite() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.needsPrerequisite, start: at("2025-11-20 09:30"), end: at("2025-11-20 12:30")), by: "officer").id!
        try programme.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO licenceAllocation (learnerId, courseId, status, allocatedOn, completedOn)
                SELECT l.id, c.id, 'completed', '2025-06-01', '2025-06-20' FROM learner l, course c
                WHERE l.email = 'sam@council.example' AND c.title = 'Awareness of Domestic Abuse'
                """)
        }
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").placed == .confirmed)
    }

    @Test func anAgencyOverItsFairShareGoesToTheWaitingListWhileOthersStillGetPlaces() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 3, perAgencyCap: 1)
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").placed == .confirmed)
        #expect(try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").placed == .waitlisted)
        #expect(try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "b").placed == .confirmed)
    }

    @Test func aFreedPlaceGoesToTheFirstWaitingLearnerAndTheirBookerIsTold() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let first = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker-a")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker-b")
        try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker-c")
        let outcome = try programme.database.cancelBooking(first.booking.id!, by: "booker-a")
        #expect(outcome.promoted?.learnerName == "Jo Bloggs")
        #expect(try programme.database.sessionDetails(session).places.map(\.learnerName) == ["Jo Bloggs"])
        #expect(try programme.database.waitingList(session: session).map(\.learnerName) == ["Kim Lee"])
        let notice = try #require(try programme.database.notifications().last)
        #expect(notice.recipient == "booker-b")
        #expect(notice.kind == "promoted-from-waitlist")
        #expect(notice.message == "Jo Bloggs has moved from the waiting list to a confirmed place on Introduction to Safeguarding, 2025-11-17 09:30.")
    }

    @Test func morePlacesGoToTheWaitingLearnersInOrder() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        for email in ["sam@council.example", "jo@council.example", "kim@council.example", "ann@nhs.example"] {
            try programme.database.book(session: session, learnerEmail: email, by: "booker")
        }
        let promoted = try programme.database.setCapacity(of: session, to: 3, by: "officer")
        #expect(promoted.map(\.learnerName) == ["Jo Bloggs", "Kim Lee"])
        #expect(try programme.database.waitingList(session: session).map(\.learnerName) == ["Ann Nurse"])
        #expect(try programme.database.notifications().map(\.kind) == ["promoted-from-waitlist", "promoted-from-waitlist"])
    }

    @Test func capacityCannotGoBelowThePlacesTaken() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 3)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        #expect(throws: InputError("session \(session) already has 2 places taken: the capacity cannot go below that (cancel bookings first)",
                                   at: InputLocation(field: "capacity"))) {
            try programme.database.setCapacity(of: session, to: 1, by: "officer")
        }
    }

    @Test func substitutionFromTheSameAgencyIsFreeAndKeepsTheHistory() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-17 08:00")
        try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        #expect(try programme.database.sessionDetails(session).places.map(\.learnerName) == ["Jo Bloggs"])
        #expect(try programme.database.count("charge") == 0)
        let history = try programme.database.bookingHistory(booking.id!)
        #expect(history.map(\.kind) == ["booked", "substituted"])
        #expect(history[1].detail == "Sam Patel replaced by Jo Bloggs by booker")
    }

    @Test func aSubstituteFromAnotherAgencyIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        #expect(throws: InputError("Ann Nurse is not at Calderdale Council: a substitute must come from the same agency",
                                   at: InputLocation(field: "learner"))) {
            try programme.database.substitute(booking: booking.id!, with: "ann@nhs.example", by: "booker")
        }
    }

    @Test func aSubstitutionAfterTheStartIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-17 09:31")
        #expect(throws: InputError("session \(session) has started or closed: substitutions are accepted up to the start",
                                   at: InputLocation(field: "booking"))) {
            try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        }
    }
}

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
        #expect(charge.kind == "late-cancellation")
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
        #expect(throws: InputError("a cancellation cannot be dated before the booking was made (2025-11-03 09:00)", at: InputLocation(field: "--at"))) {
            try programme.database.cancelBooking(booking.id!, by: "booker", at: at("2025-11-01 09:00"))
        }
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
        #expect(outcome.booking.status == "cancelled")
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
        #expect(throws: InputError("booking \(booking.id!) is already cancelled", at: InputLocation(field: "booking"))) {
            try programme.database.cancelBooking(booking.id!, by: "b")
        }
    }

    @Test func aWaivedChargeNeedsAReasonIsAuditedAndIsNotInvoiced() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-11-12 08:00")
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b").charge)
        #expect(throws: InputError("a waiver needs a reason", at: InputLocation(field: "--reason"))) {
            try programme.database.waiveCharge(charge.id!, reason: "  ", by: "officer")
        }
        try programme.database.waiveCharge(charge.id!, reason: "Snow closed the roads", by: "officer")
        #expect(try programme.database.charges()[0].charge.waiverReason == "Snow closed the roads")
        #expect(try programme.database.auditLog(limit: 1)[0].action == "charge waived")
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

@Suite("Register and invoices")
struct RegisterTests {
    func sessionWithTwoBookings() throws -> (Programme, Int64) {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "b")
        programme.clock.set("2025-11-17 13:00")
        return (programme, session)
    }

    @Test func aNonAttendanceCostsTheWholeFee() throws {
        let (programme, session) = try sessionWithTwoBookings()
        let marks = try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        #expect(marks[0].chargeRaised?.amountPence == 5000)
        #expect(marks[0].chargeRaised?.rule == "Did not attend: 100% of the £50.00 half-day place fee = £50.00")
    }

    @Test func correctingAnAbsenceToPresentReversesItsCharge() throws {
        let (programme, session) = try sessionWithTwoBookings()
        try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        let corrected = try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        #expect(corrected[0].chargeReversed != nil)
        #expect(try programme.database.charges()[0].charge.reversedAt != nil)
        #expect(try programme.database.auditLog().contains { $0.action == "charge reversed by register correction" })
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").isEmpty)
    }

    @Test func theRegisterCannotBeMarkedBeforeTheSessionDay() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        #expect(throws: InputError("session \(session) has not happened yet (2025-11-17 09:30)", at: InputLocation(field: "session"))) {
            try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        }
    }

    @Test func aLearnerWithoutAPlaceCannotBeMarkedAndNothingElseIsMarked() throws {
        let (programme, session) = try sessionWithTwoBookings()
        #expect(throws: InputError("kim@council.example has no place on session \(session)", at: InputLocation(field: "kim@council.example"))) {
            try programme.database.mark(session: session, present: ["sam@council.example", "kim@council.example"], by: "officer")
        }
        #expect(try programme.database.register(session: session).map(\.booking.status) == ["confirmed", "confirmed"])
    }

    @Test func aSessionClosesOnlyWhenEveryPlaceIsMarkedAndThenItsRegisterIsFixed() throws {
        let (programme, session) = try sessionWithTwoBookings()
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        #expect(throws: InputError("the register is not complete: 1 confirmed place is not marked (ann@nhs.example); use `training attend`",
                                   at: InputLocation(field: "session"))) {
            try programme.database.deliverSession(session, by: "officer")
        }
        try programme.database.mark(session: session, absent: ["ann@nhs.example"], by: "officer")
        try programme.database.deliverSession(session, by: "officer")
        #expect(throws: InputError("session \(session) is closed: its register can no longer be changed", at: InputLocation(field: "session"))) {
            try programme.database.mark(session: session, present: ["ann@nhs.example"], by: "officer")
        }
    }

    @Test func invoicesGatherEachAgencysChargesOnceWithSequentialNumbers() throws {
        let (programme, session) = try sessionWithTwoBookings()
        try programme.database.mark(session: session, absent: ["sam@council.example", "ann@nhs.example"], by: "officer")
        let quarter = try Quarter.parse("2025-26-Q3")
        let first = try programme.database.raiseInvoices(for: quarter, by: "officer")
        #expect(first.map(\.number) == [1, 2])
        #expect(first.map(\.totalPence) == [5000, 5000])
        let before = try programme.database.snapshot()
        #expect(try programme.database.raiseInvoices(for: quarter, by: "officer").isEmpty)
        #expect(try programme.database.snapshot() == before)

        // A later charge goes on a new invoice that carries the numbering on.
        let later = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-24 09:30"), end: at("2025-11-24 12:30")), by: "officer").id!
        programme.clock.set("2025-11-18 09:00")
        let booking = try programme.database.book(session: later, learnerEmail: "kim@council.example", by: "b").booking
        try programme.database.cancelBooking(booking.id!, by: "b")
        let second = try programme.database.raiseInvoices(for: quarter, by: "officer")
        #expect(second.map(\.number) == [3])
        let details = try programme.database.invoice(number: 3)
        #expect(details.agencyName == "Calderdale Council")
        #expect(details.lines.map(\.learnerName) == ["Kim Lee"])
        #expect(details.lines.map(\.charge.amountPence) == [2500])
    }

    @Test func aChargeRaisedAfterTheQuarterWaitsForItsOwnInvoice() throws {
        let (programme, session) = try sessionWithTwoBookings()
        try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q2"), by: "officer").isEmpty)
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").count == 1)
    }
}

@Suite("Calendar events")
struct CalendarEventTests {
    @Test func aBookingsEventIsInLondonTimeAndACancellationKeepsItsUID() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        let confirmed = try programme.database.calendarEvent(booking: booking.id!).render()
        #expect(confirmed.contains("UID:booking-\(booking.id!)@training.lscp\r\n"))
        #expect(confirmed.contains("DTSTART;TZID=Europe/London:20251117T093000\r\n"))
        #expect(confirmed.contains("DTEND;TZID=Europe/London:20251117T123000\r\n"))
        #expect(confirmed.contains("LOCATION:Halifax Town Hall\r\n"))
        #expect(confirmed.contains("STATUS:CONFIRMED\r\nEND:VEVENT"))
        try programme.database.cancelBooking(booking.id!, by: "b")
        let cancelled = try programme.database.calendarEvent(booking: booking.id!).render()
        #expect(cancelled.contains("UID:booking-\(booking.id!)@training.lscp\r\n"))
        #expect(cancelled.contains("SEQUENCE:1\r\n"))
        #expect(cancelled.contains("STATUS:CANCELLED\r\n"))
        #expect(cancelled.contains("METHOD:CANCEL\r\n"))
    }
}

@Suite("Register marking in one go")
struct RegisterInOneGoTests {
    @Test func presentAndAbsentAreMarkedTogether() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "b")
        programme.clock.set("2025-11-17 12:45")
        let marks = try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["ann@nhs.example"], by: "officer")
        #expect(marks.map(\.line.booking.status) == ["attended", "did-not-attend"])
        #expect(try programme.database.charges().map(\.agencyName) == ["Calderdale NHS"])
    }

    @Test func aLearnerMarkedBothPresentAndAbsentIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        programme.clock.set("2025-11-17 12:45")
        #expect(throws: InputError("sam@council.example is given more than once", at: InputLocation(field: "sam@council.example"))) {
            try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["SAM@council.example"], by: "officer")
        }
    }
}
