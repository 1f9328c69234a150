import Foundation
import Testing
@testable import TrainingCore

@Suite("Credit notes and the rules around invoiced money")
struct CreditRuleTests {
    func standing(amount: Int = 5000, invoice: Int? = 3, waived: Bool = false, reversed: Bool = false, exempt: Bool = false,
                  credited: Int? = nil) -> ChargeStanding {
        ChargeStanding(chargeId: 31, amount: Pence(amount), invoiceNumber: invoice, isWaived: waived, isReversed: reversed,
                       isExempt: exempt, creditNote: credited.map(CreditNoteNumber.init))
    }

    @Test("credit notes are numbered in their own sequence, CN-0001 on", arguments: [(nil, "CN-0001"), (1, "CN-0002"), (9999, "CN-10000")])
    func creditNoteNumbering(highest: Int?, shown: String) {
        #expect(CreditNoteNumber.next(after: highest).description == shown)
    }

    @Test func aChargeNoLongerOwedIsReversedBeforeInvoicingAndCreditedInFullAfter() {
        #expect(CreditRule.correction(of: standing(invoice: nil)) == .reverse)
        #expect(CreditRule.correction(of: standing(amount: 2500, invoice: 3)) == .credit(Pence(2500)))
    }

    @Test func aChargeAlreadyCreditedOrReversedIsNotCorrectedAgain() {
        #expect(CreditRule.correction(of: standing(credited: 1)) == .nothing)
        #expect(CreditRule.correction(of: standing(invoice: nil, reversed: true)) == .nothing)
    }

    @Test func aWaivedOrExemptChargeNotInvoicedIsStillReversedSoItCountsNowhere() {
        #expect(CreditRule.correction(of: standing(invoice: nil, waived: true)) == .reverse)
        #expect(CreditRule.correction(of: standing(amount: 0, invoice: nil, exempt: true)) == .reverse)
    }

    @Test func theOfficerCreditsAnInvoicedChargeInFull() throws {
        #expect(try CreditRule.officerCredit(of: standing(amount: 10000), reason: "Booked in error by us") == Pence(10000))
    }

    @Test func theOfficerCannotCreditAChargeNotYetInvoicedAndIsToldToWaiveIt() {
        #expect(throws: ChargeRefusal.notInvoiced(charge: 31)) {
            try CreditRule.officerCredit(of: standing(invoice: nil), reason: "x")
        }
        #expect(ChargeRefusal.notInvoiced(charge: 31).errorDescription == "charge 31 is not on an invoice yet: waive it instead")
    }

    @Test func aSecondCreditOfTheSameChargeIsRefusedNamingTheFirst() {
        #expect(throws: ChargeRefusal.alreadyCredited(charge: 31, note: CreditNoteNumber(4))) {
            try CreditRule.officerCredit(of: standing(credited: 4), reason: "again")
        }
    }

    @Test func aCreditNeedsAReason() {
        #expect(throws: InputError("a credit note needs a reason", at: InputLocation(input: .reason))) {
            try CreditRule.officerCredit(of: standing(), reason: "  ")
        }
    }

    @Test("invoices only for a quarter that has begun",
          arguments: [("2025-10-01", true), ("2025-12-31", true), ("2025-09-30", false)])
    func invoicesOnlyForAQuarterThatHasBegun(today: String, allowed: Bool) throws {
        let q3 = try Quarter.parse("2025-26-Q3")
        let day = try LocalDate.parse(today)
        if allowed {
            try InvoiceRule.checkInvoiceable(q3, today: day)
        } else {
            #expect(throws: InputError.self) { try InvoiceRule.checkInvoiceable(q3, today: day) }
        }
    }

    @Test func aPlaceFromTheWaitingListAfterTheCutoffIsNotChargedForALateCancellationByDefault() {
        let policy = ChargingPolicy.standard
        #expect(policy.lateCancellation(notice: 3, reason: nil, sessionMinutes: 180, promotedWithNotice: 5) == nil)
        // Promoted in good time, it is charged as any other place.
        #expect(policy.lateCancellation(notice: 3, reason: nil, sessionMinutes: 180, promotedWithNotice: 12)?.amount == .pounds(25))
    }

    @Test func thePolicyCanChargeALateCancellationOfAPlaceFromTheWaitingListAfterTheCutoff() {
        var policy = ChargingPolicy.standard
        policy.chargesLateCancellationOfLatePromotion = true
        #expect(policy.lateCancellation(notice: 3, reason: nil, sessionMinutes: 180, promotedWithNotice: 5)?.amount == .pounds(25))
    }
}
