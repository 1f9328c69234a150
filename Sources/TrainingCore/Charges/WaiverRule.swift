/// When the officer may waive a charge (DOMAIN.md, "charge": waived only with a reason before it is
/// invoiced; after invoicing, corrected only by a credit note).
public enum WaiverRule {
    /// Refuses (`ChargeRefusal`) a charge waived already, reversed, exempt or on an invoice; the reasons it
    /// was waived or exempted for are named in the refusal.
    public static func checkWaivable(_ charge: ChargeStanding, waiverReason: String?, exemptReason: String?) throws {
        let id = charge.chargeId
        if charge.isWaived { throw ChargeRefusal.alreadyWaived(charge: id, reason: waiverReason ?? "") }
        if charge.isReversed { throw ChargeRefusal.reversedByRegisterCorrection(charge: id) }
        if charge.isExempt { throw ChargeRefusal.exempt(charge: id, reason: exemptReason ?? "") }
        if let invoice = charge.invoiceNumber { throw ChargeRefusal.alreadyInvoiced(charge: id, invoice: invoice) }
    }
}
