import TrainingCore
import TrainingStore

/// The officer's charges, of an agency or all, in a year or any.
struct OfficerChargesPage: Encodable, Sendable {
    struct Charge: Encodable, Sendable {
        var id: Int64, raised: String, agency: String, name: String, course: String, kind: String, amount: String, state: String
        var waivable: Bool

        init(_ line: ChargeLine) {
            id = line.charge.id ?? 0
            raised = line.charge.raisedOn.description
            agency = line.agencyName
            name = line.learnerName ?? ""
            course = line.courseTitle
            kind = Display.words(line.charge.kind.rawValue)
            amount = Pence(line.charge.amountPence).description
            state = line.state.description
            waivable = line.isWaivable
        }
    }

    var agencies: [SelectOption]
    var years: [SelectOption]
    var charges: [Charge]
    var none: Bool
    var payable: String
}

/// One charge: waiving it, or crediting it once invoiced.
struct OfficerChargePage: Encodable, Sendable {
    var id: Int64
    var agency: String
    var name: String
    var course: String
    var session: String
    var kind: String
    var amount: String
    var rule: String
    var state: String
    var waivable: Bool
    var creditable: Bool
    var invoice: String
    var values: [String: String]

    init(_ line: ChargeLine, values: [String: String]) {
        let charge = line.charge
        id = charge.id ?? 0
        agency = line.agencyName
        name = line.learnerName ?? ""
        course = line.courseTitle
        session = Display.instant(line.sessionStart)
        kind = Display.words(charge.kind.rawValue)
        amount = Pence(charge.amountPence).description
        rule = charge.rule
        state = line.state.description
        waivable = line.isWaivable
        creditable = line.isCreditable
        invoice = line.invoiceNumber.map(String.init) ?? ""
        self.values = values
    }
}

/// Every invoice, newest first, and the credit notes.
struct OfficerInvoicesPage: Encodable, Sendable {
    struct Invoice: Encodable, Sendable {
        var number: Int, agency: String, period: String, total: String, raised: String
    }

    var credits: [CreditNoteRow]
    var hasCredits: Bool
    var invoices: [Invoice]
    var none: Bool
}

/// Raising the invoices of a quarter.
struct RaiseInvoicesPage: Encodable, Sendable {
    var quarters: [SelectOption]
}
