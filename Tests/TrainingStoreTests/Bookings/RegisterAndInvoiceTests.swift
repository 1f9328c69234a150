import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

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
        #expect(try programme.database.auditLog().contains { $0.action == .chargeReversedByRegisterCorrection })
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").isEmpty)
    }

    @Test func theRegisterCannotBeMarkedBeforeTheSessionDay() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        let refusal = RegisterRefusal.notStarted(session: session, startsAt: at("2025-11-17 09:30"))
        #expect(refusal.localizedDescription == "session \(session) has not happened yet (2025-11-17 09:30)")
        #expect(refusal.location == InputLocation(field: "session"))
        #expect(throws: refusal) {
            try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        }
    }

    @Test func aLearnerWithoutAPlaceCannotBeMarkedAndNothingElseIsMarked() throws {
        let (programme, session) = try sessionWithTwoBookings()
        let refusal = RegisterRefusal.noPlace(place: "kim@council.example", session: session)
        #expect(refusal.localizedDescription == "kim@council.example has no place on session \(session)")
        #expect(refusal.location == InputLocation(field: "kim@council.example"))
        #expect(throws: refusal) {
            try programme.database.mark(session: session, present: ["sam@council.example", "kim@council.example"], by: "officer")
        }
        #expect(try programme.database.register(session: session).map(\.booking.status.rawValue) == ["confirmed", "confirmed"])
    }

    @Test func aSessionClosesOnlyWhenEveryPlaceIsMarkedAndThenItsRegisterIsFixed() throws {
        let (programme, session) = try sessionWithTwoBookings()
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        // The command line adds how to mark it (SchedulingWording).
        let incomplete = SessionRefusal.registerIncomplete(unmarked: [UnmarkedPlace(booking: 2, learnerName: "Ann Nurse", learnerEmail: "ann@nhs.example")])
        #expect(throws: incomplete) {
            try programme.database.deliverSession(session, by: "officer")
        }
        #expect(incomplete.localizedDescription == "the register is not complete: 1 confirmed place is not marked (ann@nhs.example)")
        #expect(incomplete.location == InputLocation(field: "session"))
        try programme.database.mark(session: session, absent: ["ann@nhs.example"], by: "officer")
        try programme.database.deliverSession(session, by: "officer")
        let closed = RegisterRefusal.sessionClosed(session: session)
        #expect(closed.localizedDescription == "session \(session) is closed: its register can no longer be changed")
        #expect(closed.location == InputLocation(field: "session"))
        #expect(throws: closed) {
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

/// Found in review: each pinned by the example that showed it.
extension RegisterTests {
    @Test func aSessionWithMarksOnItsRegisterCannotBeCancelledAndKeepsItsCharges() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b")
        programme.clock.set("2025-11-17 10:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["jo@council.example"], by: "o")
        let before = try programme.database.snapshot()
        let refusal = SessionRefusal.tookPlace(session: session, marked: 2)
        #expect(refusal.localizedDescription == "session \(session) has 2 learners marked on its register, so it took place: it cannot be cancelled (correct the register instead)")
        #expect(refusal.location == InputLocation(field: "session"))
        #expect(throws: refusal) {
            try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "o")
        }
        #expect(try programme.database.snapshot() == before)
    }
}
