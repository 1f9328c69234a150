/// Why the officer's waiver or credit of a charge, or a look-up of one, was refused (DOMAIN.md, "charge":
/// waived only with a reason before it is invoiced; after invoicing, corrected only by a credit note). Each
/// carries the facts; the plain wording is the web's, and the command line adds what to run instead.
public enum ChargeRefusal: Error, Sendable, Hashable, UserFacingError {
    case unknownCharge(Int64)
    case unknownInvoice(Int)
    case unknownCreditNote(CreditNoteNumber)
    /// Waiving a charge waived already, with the reason it was waived for.
    case alreadyWaived(charge: Int64, reason: String)
    /// Waiving a charge a register correction reversed.
    case reversedByRegisterCorrection(charge: Int64)
    /// Waiving a charge raised at £0.00 for an exempt reason.
    case exempt(charge: Int64, reason: String)
    /// Waiving a charge already on an invoice: it can only be credited.
    case alreadyInvoiced(charge: Int64, invoice: Int)
    /// Crediting a charge that a credit note gave back already.
    case alreadyCredited(charge: Int64, note: CreditNoteNumber)
    /// Crediting a charge reversed before it was invoiced.
    case reversedBeforeInvoicing(charge: Int64)
    /// Crediting a waived charge.
    case waivedNotCredited(charge: Int64)
    /// Crediting a charge of this amount (£0.00, an exemption).
    case nothingToCredit(charge: Int64, amount: Pence)
    /// Crediting a charge not on an invoice yet: it can be waived instead.
    case notInvoiced(charge: Int64)

    public var errorDescription: String? {
        switch self {
        case .unknownCharge(let id): "there is no charge \(id)"
        case .unknownInvoice(let number): "there is no invoice \(number)"
        case .unknownCreditNote(let number): "there is no credit note \(number)"
        case .alreadyWaived(let id, let reason): "charge \(id) is already waived (\(reason))"
        case .reversedByRegisterCorrection(let id): "charge \(id) was reversed by a register correction"
        case .exempt(let id, let reason): "charge \(id) is exempt (\(reason)): there is nothing to waive"
        case .alreadyInvoiced(let id, let invoice): "charge \(id) is on invoice \(invoice) already; credit it instead"
        case .alreadyCredited(let id, let note): "charge \(id) is already credited by \(note)"
        case .reversedBeforeInvoicing(let id): "charge \(id) was reversed before it was invoiced: there is nothing to credit"
        case .waivedNotCredited(let id): "charge \(id) is waived: there is nothing to credit"
        case .nothingToCredit(let id, let amount): "charge \(id) is \(amount): there is nothing to credit"
        case .notInvoiced(let id): "charge \(id) is not on an invoice yet: waive it instead"
        }
    }
}
