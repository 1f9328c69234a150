import Testing
import TrainingCore

/// Where a charge stands (ChargeState) and when it may be waived (WaiverRule), without a database.
@Suite("Charge state and waivers")
struct ChargeStateAndWaiverTests {
    func standing(invoice: Int? = nil, waived: Bool = false, reversed: Bool = false, exempt: Bool = false,
                  credited: Int? = nil) -> ChargeStanding {
        ChargeStanding(chargeId: 31, amount: .pounds(25), invoiceNumber: invoice, isWaived: waived, isReversed: reversed,
                       isExempt: exempt, creditNote: credited.map(CreditNoteNumber.init))
    }

    @Test func aChargeNeitherInvoicedNorEndedIsNotYetInvoiced() {
        #expect(ChargeState(standing(), waiverReason: nil) == .notYetInvoiced)
        #expect(ChargeState.notYetInvoiced.description == "not yet invoiced")
    }

    @Test func anInvoicedChargeNamesItsInvoice() {
        #expect(ChargeState(standing(invoice: 4), waiverReason: nil) == .invoiced(4))
        #expect(ChargeState.invoiced(4).description == "invoice 4")
    }

    @Test func aCreditedChargeNamesItsCreditNoteAndInvoice() {
        #expect(ChargeState(standing(invoice: 1, credited: 1), waiverReason: nil) == .credited(note: CreditNoteNumber(1), invoice: 1))
        #expect(ChargeState.credited(note: CreditNoteNumber(1), invoice: 1).description == "credited: CN-0001 (invoice 1)")
    }

    @Test func aWaivedChargeGivesTheReason() {
        #expect(ChargeState(standing(waived: true), waiverReason: "Snow") == .waived(reason: "Snow"))
        #expect(ChargeState.waived(reason: "Snow").description == "waived: Snow")
    }

    @Test func aWaiverComesBeforeAReversalAndAReversalBeforeAnExemption() {
        #expect(ChargeState(standing(waived: true, reversed: true), waiverReason: "Snow") == .waived(reason: "Snow"))
        #expect(ChargeState(standing(reversed: true, exempt: true), waiverReason: nil) == .reversed)
        #expect(ChargeState(standing(exempt: true), waiverReason: nil) == .exempt)
    }

    @Test func aChargeOwedAndNotInvoicedCanBeWaived() throws {
        try WaiverRule.checkWaivable(standing(), waiverReason: nil, exemptReason: nil)
    }

    @Test func anInvoicedChargeIsCreditedNotWaived() {
        #expect(throws: ChargeRefusal.alreadyInvoiced(charge: 31, invoice: 2)) {
            try WaiverRule.checkWaivable(standing(invoice: 2), waiverReason: nil, exemptReason: nil)
        }
        #expect(ChargeRefusal.alreadyInvoiced(charge: 31, invoice: 2).errorDescription == "charge 31 is on invoice 2 already; credit it instead")
    }

    @Test func aWaivedChargeIsRefusedWithItsReason() {
        #expect(throws: ChargeRefusal.alreadyWaived(charge: 31, reason: "Snow")) {
            try WaiverRule.checkWaivable(standing(waived: true), waiverReason: "Snow", exemptReason: nil)
        }
    }

    @Test func aReversedChargeIsRefused() {
        #expect(throws: ChargeRefusal.reversedByRegisterCorrection(charge: 31)) {
            try WaiverRule.checkWaivable(standing(reversed: true), waiverReason: nil, exemptReason: nil)
        }
    }

    @Test func anExemptChargeIsRefusedWithItsReason() {
        #expect(throws: ChargeRefusal.exempt(charge: 31, reason: "illness")) {
            try WaiverRule.checkWaivable(standing(exempt: true), waiverReason: nil, exemptReason: "illness")
        }
        #expect(ChargeRefusal.exempt(charge: 31, reason: "illness").errorDescription == "charge 31 is exempt (illness): there is nothing to waive")
    }
}
