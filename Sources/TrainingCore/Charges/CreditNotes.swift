/// Credit notes: how money already invoiced is given back (DOMAIN.md, "charge": "after invoicing, corrected
/// only by a credit note (its own sequence, naming the invoice and charge)"). An invoice is never edited or
/// renumbered; a charge that is no longer owed after it was invoiced is credited in full by a note of its
/// own, numbered CN-0001, CN-0002 ... in a sequence separate from the invoices'.

/// A credit note's number in its own sequence, shown `CN-0001`.
public struct CreditNoteNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public var description: String {
        let digits = String(value)
        return "CN-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The number after the highest so far (the first is CN-0001). Numbers are never reused.
    public static func next(after highest: Int?) -> CreditNoteNumber { CreditNoteNumber((highest ?? 0) + 1) }

    /// Reads `CN-0007`, `cn-7` or `7`.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> CreditNoteNumber {
        var digits = Substring(text.trimmingCharacters(in: .whitespaces))
        if digits.uppercased().hasPrefix("CN-") { digits = digits.dropFirst(3) }
        guard let value = Int(digits), value > 0 else {
            throw InputError("'\(text)' is not a credit note number (they look like CN-0001)", at: location)
        }
        return CreditNoteNumber(value)
    }

    public static func < (lhs: CreditNoteNumber, rhs: CreditNoteNumber) -> Bool { lhs.value < rhs.value }
}

/// Why a charge was credited.
public enum CreditCause: String, Sendable, Hashable, CaseIterable, Codable {
    /// The officer credited it, with a reason.
    case officer = "officer"
    /// The partnership cancelled the session: no charge where the partnership cancelled.
    case sessionCancelled = "session-cancelled"
    /// The register was corrected from absent to present: there was no non-attendance.
    case registerCorrected = "register-corrected"
}

/// What the credit rule needs to know about a charge.
public struct ChargeStanding: Sendable, Hashable {
    public var chargeId: Int64
    public var amount: Pence
    /// The invoice it is on, if any.
    public var invoiceNumber: Int?
    public var isWaived: Bool
    public var isReversed: Bool
    public var isExempt: Bool
    /// The credit note that already gave it back, if any.
    public var creditNote: CreditNoteNumber?

    public init(chargeId: Int64, amount: Pence, invoiceNumber: Int?, isWaived: Bool, isReversed: Bool, isExempt: Bool,
                creditNote: CreditNoteNumber?) {
        self.chargeId = chargeId
        self.amount = amount
        self.invoiceNumber = invoiceNumber
        self.isWaived = isWaived
        self.isReversed = isReversed
        self.isExempt = isExempt
        self.creditNote = creditNote
    }
}

/// What to do with a charge that turns out not to be owed.
public enum ChargeCorrection: Sendable, Hashable {
    /// It is reversed or credited already (or an invoiced £0.00, which cannot happen).
    case nothing
    /// Not yet invoiced: reverse it where it stands, waived and exempt ones too, so it counts nowhere.
    case reverse
    /// On an invoice: the invoice stands, and a credit note gives back this amount.
    case credit(Pence)
}

public enum CreditRule {
    /// A charge that is no longer owed — the partnership cancelled its session, or the absence that raised
    /// it is corrected to present — is reversed if not yet invoiced and credited in full if it was.
    public static func correction(of charge: ChargeStanding) -> ChargeCorrection {
        if charge.isReversed || charge.creditNote != nil { return .nothing }
        guard charge.invoiceNumber != nil else { return .reverse }
        return charge.amount > .zero && !charge.isWaived && !charge.isExempt ? .credit(charge.amount) : .nothing
    }

    /// The officer credits a charge in full, with a reason: only an invoiced charge not credited already.
    /// A refusal (`ChargeRefusal`) names the charge and why.
    public static func officerCredit(of charge: ChargeStanding, reason: String?) throws -> Pence {
        let id = charge.chargeId
        guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputError("a credit note needs a reason", at: InputLocation(input: .reason))
        }
        if let note = charge.creditNote { throw ChargeRefusal.alreadyCredited(charge: id, note: note) }
        if charge.isReversed { throw ChargeRefusal.reversedBeforeInvoicing(charge: id) }
        if charge.isWaived { throw ChargeRefusal.waivedNotCredited(charge: id) }
        if charge.isExempt || charge.amount <= .zero { throw ChargeRefusal.nothingToCredit(charge: id, amount: charge.amount) }
        guard charge.invoiceNumber != nil else { throw ChargeRefusal.notInvoiced(charge: id) }
        return charge.amount
    }

    /// The sentence a credit note carries for a cause the rules raise by themselves.
    public static func reason(for cause: CreditCause, sessionCancelReason: String? = nil) -> String {
        switch cause {
        case .officer: return "credited by the officer"
        case .sessionCancelled:
            return "the partnership cancelled the session\(sessionCancelReason.map { " (\($0))" } ?? ""): no charge where the partnership cancelled"
        case .registerCorrected: return "the register was corrected: the learner attended"
        }
    }
}

/// Invoices are raised only for a quarter that has begun.
public enum InvoiceRule {
    public static func checkInvoiceable(_ quarter: Quarter, today: LocalDate) throws {
        guard quarter.firstDay <= today else {
            throw InputError("\(quarter) has not begun (it starts on \(quarter.firstDay)): invoices are raised only for a quarter that has begun",
                             at: InputLocation(input: .quarter))
        }
    }
}
