import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 17, "Money that can be corrected after invoicing".
@Suite("Credit notes")
struct CreditNoteTests {
    /// Sam (Calderdale Council) and Ann (Calderdale NHS) on the half day of Monday 17 November 2025; Sam marked
    /// absent (£50.00) and the third quarter invoiced: invoice 1 to the council, £50.00.
    func invoicedNonAttendance() throws -> (Programme, session: Int64, charge: Int64) {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker@council.example")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker@nhs.example")
        programme.clock.set("2025-11-17 13:00")
        let marks = try programme.database.mark(session: session, present: ["ann@nhs.example"], absent: ["sam@council.example"], by: "officer")
        let invoices = try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer")
        #expect(invoices.map(\.number) == [1])
        return (programme, session, marks[1].chargeRaised!.id!)
    }

    @Test func anInvoicedChargeIsCreditedInFullByACreditNoteOfItsOwnSequenceNamingTheInvoiceAndCharge() throws {
        let (programme, _, charge) = try invoicedNonAttendance()
        let note = try programme.database.creditCharge(charge, reason: "Signed in late; register sheet found", by: "officer")
        #expect(note.shownNumber.description == "CN-0001")
        #expect(note.amountPence == 5000)
        #expect(note.chargeId == charge)
        let line = try programme.database.creditNote(number: 1)
        #expect(line.invoiceNumber == 1)
        #expect(line.agencyName == "Calderdale Council")
        #expect(try programme.database.charge(id: charge).state.description == "credited: CN-0001 (invoice 1)")
        #expect(try programme.database.charges(agencyName: "Calderdale Council").payable == .zero)
        // The invoice stands as raised; the credit is shown against it.
        let invoice = try programme.database.invoice(number: 1)
        #expect(invoice.invoice.totalPence == 5000)
        #expect(invoice.credits.map(\.note.number) == [1])
        #expect(try programme.database.auditLog().contains { $0.action == .creditNoteIssued && $0.entityId == "CN-0001" })
    }

    @Test func aPersonsCreditNotesAreInTheirSubjectAccessRecord() throws {
        let (programme, _, charge) = try invoicedNonAttendance()
        try programme.database.creditCharge(charge, reason: "Sam Patel signed in late", by: "officer")
        let record = try programme.database.subjectAccess(email: "sam@council.example")
        let notes = record.sections.first { $0.title == "Credit notes" }?.rows ?? []
        #expect(notes.count == 1)
        #expect(notes.first?.first == .text("CN-0001"))
        #expect(notes.first?.contains(.text("Sam Patel signed in late")) == true)
        let audit = record.sections.first { $0.title == "Audit entries" }?.rows ?? []
        #expect(audit.contains { $0[2] == .text("credit note issued") && $0[4] == .text("CN-0001") })
        // Ann's record holds no credit note of Sam's.
        let ann = try programme.database.subjectAccess(email: "ann@nhs.example")
        #expect(ann.sections.first { $0.title == "Credit notes" }?.rows.isEmpty == true)
    }

    @Test func erasingALearnerTakesTheirNameOutOfTheirCreditNotesReasonAndItsAuditEntry() throws {
        let (programme, _, charge) = try invoicedNonAttendance()
        try programme.database.creditCharge(charge, reason: "Sam Patel signed in late", by: "officer")
        let report = try programme.database.erase(email: "sam@council.example", reason: "DP-7", by: "officer")
        let note = try programme.database.creditNote(number: 1)
        #expect(note.note.reason == "\(report.pseudonym) signed in late")
        #expect(note.note.amountPence == 5000)      // the money stands
        let audit = try programme.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT after FROM auditEntry WHERE entity = 'creditNote'")
        }
        #expect(audit.count == 1 && audit.allSatisfy { !$0.contains("Sam Patel") })
    }

    @Test func aChargeNotYetInvoicedIsNotCreditedButWaived() throws {
        let programme = try Programme()
        let charge = try samMarkedAbsent(on: programme)
        #expect(throws: ChargeRefusal.notInvoiced(charge: charge)) {
            try programme.database.creditCharge(charge, reason: "x", by: "officer")
        }
        #expect(try programme.database.creditNotes().isEmpty)
    }

    @Test func creditNoteNumbersCarryOnAndAChargeIsCreditedOnce() throws {
        let (programme, session, charge) = try invoicedNonAttendance()
        try programme.database.creditCharge(charge, reason: "first", by: "officer")
        #expect(throws: ChargeRefusal.alreadyCredited(charge: charge, note: CreditNoteNumber(1))) {
            try programme.database.creditCharge(charge, reason: "again", by: "officer")
        }
        // Corrected to present (the credited charge is not credited twice), then absent again: a new charge,
        // a new invoice, and its credit takes the next number.
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        #expect(try programme.database.creditNotes().count == 1)
        try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").map(\.number) == [2])
        let again = try programme.database.charges(agencyName: "Calderdale Council").first { $0.charge.reversedAt == nil && $0.creditNote == nil }!
        #expect(try programme.database.creditCharge(again.charge.id!, reason: "second", by: "officer").shownNumber.description == "CN-0002")
    }

    @Test func aSessionThePartnershipCancelsAfterItsChargesWereInvoicedCreditsThemAndTellsTheBooker() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker@council.example")
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker@council.example").booking
        // Monday 10 November: 4 working days' notice, so half of the £50.00 fee.
        programme.clock.set("2025-11-10 10:00")
        let charge = try #require(try programme.database.cancelBooking(jo.id!, by: "booker@council.example").charge)
        #expect(charge.amountPence == 2500)
        try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer")
        programme.clock.set("2025-11-11 10:00")
        try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "officer")

        let notes = try programme.database.creditNotes()
        #expect(notes.map(\.note.number) == [1])
        #expect(notes.map(\.note.amountPence) == [2500])
        #expect(notes.map(\.note.cause.rawValue) == ["session-cancelled"])
        #expect(notes.map(\.invoiceNumber) == [1])
        #expect(try programme.database.charges(agencyName: "Calderdale Council").payable == .zero)
        let told = try programme.database.notifications().filter { $0.kind.rawValue == "charge-credited" }
        #expect(told.map(\.recipient) == ["booker@council.example"])
        #expect(told.map(\.message) == ["Introduction to Safeguarding on 2025-11-17 09:30 has been cancelled by the partnership, so the £25.00 charge for Jo Bloggs's place on invoice 1 is credited in full by credit note CN-0001."])
    }

    @Test func aSessionThePartnershipCancelsStillReversesChargesNotYetInvoicedWithoutACreditNote() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").booking
        programme.clock.set("2025-11-10 10:00")
        try programme.database.cancelBooking(jo.id!, by: "b")
        try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "officer")
        #expect(try programme.database.charges()[0].charge.reversedAt != nil)
        #expect(try programme.database.creditNotes().isEmpty)
        #expect(try programme.database.notifications().filter { $0.kind.rawValue == "charge-credited" }.isEmpty)
    }

    @Test func anAbsenceCorrectedToPresentAfterInvoicingIsCorrectedAndItsChargeCredited() throws {
        let (programme, session, charge) = try invoicedNonAttendance()
        let corrected = try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        #expect(corrected[0].line.booking.status.rawValue == "attended")
        #expect(corrected[0].chargeReversed == nil)
        let notes = try programme.database.creditNotes()
        #expect(notes.map(\.note.chargeId) == [charge])
        #expect(notes.map(\.note.cause.rawValue) == ["register-corrected"])
        #expect(try programme.database.charges(agencyName: "Calderdale Council").payable == .zero)
        // The truth follows: Sam attended, is reached, and is invited to evaluate when the session is delivered.
        try programme.database.deliverSession(session, by: "officer")
        let year = try FinancialYear.parse("2025-26")
        #expect(try programme.database.takeUp(period: year).first { $0.agencyName == "Calderdale Council" }?.learnersReached == 1)
        let invited = try programme.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM evaluationInvitation i JOIN booking b ON b.id = i.bookingId JOIN learner l ON l.id = b.learnerId WHERE l.email = 'sam@council.example'")!
        }
        #expect(invited == 2)
    }

    @Test func invoicesAreRaisedOnlyForAQuarterThatHasBegun() throws {
        let programme = try Programme()  // Monday 3 November 2025, in 2025-26 Q3
        #expect(throws: InputError("2025-26-Q4 has not begun (it starts on 2026-01-01): invoices are raised only for a quarter that has begun",
                                   at: InputLocation(input: .quarter))) {
            try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q4"), by: "officer")
        }
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer").isEmpty)
    }

    @Test func aBackDatedCancellationRaisesItsChargeAtThatTimeSoItLandsInThatQuarter() throws {
        let programme = try Programme(clock: TestClock("2025-09-22 09:00"))
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2025-10-06 09:30"), end: at("2025-10-06 12:30")), by: "officer").id!
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-10-03 09:00")
        // Phoned in on Tuesday 30 September (Q2): 3 working days' notice, half the fee.
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b", at: at("2025-09-30 17:00")).charge)
        #expect(charge.raisedOn == (try LocalDate.parse("2025-09-30")))
        #expect(try programme.database.charges(quarter: Quarter.parse("2025-26-Q2")).map(\.charge.amountPence) == [2500])
        #expect(try programme.database.charges(quarter: Quarter.parse("2025-26-Q3")).isEmpty)
    }

    /// Sam holds the only place; Jo waits. Sam cancels on Wednesday 12 November (2 working days' notice), so
    /// Jo's place reaches her after the 10-day cut-off.
    func lateWaitingListPlace() throws -> (Programme, session: Int64, jo: Int64) {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").booking
        programme.clock.set("2025-11-12 09:00")
        let cancelled = try programme.database.cancelBooking(sam.id!, by: "b")
        #expect(cancelled.charge?.amountPence == 2500)
        #expect(cancelled.promoted?.booking.id == jo.id)
        programme.clock.set("2025-11-13 09:00")
        return (programme, session, jo.id!)
    }

    @Test func aPlaceFromTheWaitingListAfterTheCutoffIsNotChargedForALateCancellationByDefault() throws {
        let (programme, _, jo) = try lateWaitingListPlace()
        #expect(try programme.database.cancellationPreview(jo).charge == nil)
        #expect(try programme.database.cancelBooking(jo, by: "b").charge == nil)
    }

    @Test func thePolicyCanChargeALateCancellationOfAPlaceFromTheWaitingListAfterTheCutoff() throws {
        let (programme, _, jo) = try lateWaitingListPlace()
        var policy = try programme.database.chargingPolicy()
        #expect(policy.chargesLateCancellationOfLatePromotion == false)
        policy.chargesLateCancellationOfLatePromotion = true
        try programme.database.setChargingPolicy(policy, by: "officer")
        #expect(try programme.database.chargingPolicy().chargesLateCancellationOfLatePromotion)
        #expect(try programme.database.cancelBooking(jo, by: "b").charge?.amountPence == 2500)
    }

    @Test func aPlaceFromTheWaitingListAfterTheCutoffIsStillChargedForNonAttendance() throws {
        let (programme, session, _) = try lateWaitingListPlace()
        programme.clock.set("2025-11-17 13:00")
        let marks = try programme.database.mark(session: session, absent: ["jo@council.example"], by: "officer")
        #expect(marks[0].chargeRaised?.amountPence == 5000)
    }
}

@Suite("Credit notes in the board's charge figures")
struct CreditNoteFigureTests {
    @Test func aCreditedChargeIsCountedAsCreditedAgainstItsAgencyAndNothingElseMoves() throws {
        let programme = try Programme()
        let charge = try samMarkedAbsent(on: programme)
        try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer")
        let year = try FinancialYear.parse("2025-26")
        let before = try programme.database.chargesByAgency(period: year)
        try programme.database.creditCharge(charge, reason: "register sheet found", by: "officer")
        let after = try programme.database.chargesByAgency(period: year)
        #expect(after[0] == AgencyCharges(agencyName: "Calderdale Council", lateCancellations: 0, nonAttendances: 1, raised: 5000, waived: 0,
                                          invoiced: 5000, credited: 5000))
        #expect(after[0].payable == .zero)
        var unchanged = after
        unchanged[0].credited = .zero
        #expect(unchanged == before)
    }
}

/// Sam (Calderdale Council) booked on the half day of Monday 17 November 2025 and marked absent after it
/// began: a £50.00 non-attendance charge, not yet invoiced. Returns the charge.
func samMarkedAbsent(on programme: Programme) throws -> Int64 {
    let session = try programme.halfDaySession()
    try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
    programme.clock.set("2025-11-17 13:00")
    return try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")[0].chargeRaised!.id!
}
