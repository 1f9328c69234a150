/// Where a charge stands (DOMAIN.md, "charge"), as both the officer's list and the agency's workbook say it.
public enum ChargeState: Sendable, Hashable, CustomStringConvertible {
    /// Given back by a credit note after it was invoiced.
    case credited(note: CreditNoteNumber, invoice: Int)
    case waived(reason: String)
    /// Reversed before invoicing (the partnership cancelled the session, or the register was corrected).
    case reversed
    /// Raised at £0.00 for an exempt reason.
    case exempt
    case invoiced(Int)
    case notYetInvoiced

    /// The state of a charge from its standing: a credit note first, as it comes last in a charge's life;
    /// then a waiver, a reversal or an exemption, each of which ends it; else on an invoice or not yet.
    public init(_ charge: ChargeStanding, waiverReason: String?) {
        if let note = charge.creditNote, let invoice = charge.invoiceNumber {
            self = .credited(note: note, invoice: invoice)
        } else if charge.isWaived {
            self = .waived(reason: waiverReason ?? "")
        } else if charge.isReversed {
            self = .reversed
        } else if charge.isExempt {
            self = .exempt
        } else {
            self = charge.invoiceNumber.map(ChargeState.invoiced) ?? .notYetInvoiced
        }
    }

    public var description: String {
        switch self {
        case .credited(let note, let invoice): "credited: \(note) (invoice \(invoice))"
        case .waived(let reason): "waived: \(reason)"
        case .reversed: "reversed"
        case .exempt: "exempt"
        case .invoiced(let number): "invoice \(number)"
        case .notYetInvoiced: "not yet invoiced"
        }
    }
}
