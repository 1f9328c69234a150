import TrainingCore
import TrainingStore

/// An invoice, for the officer and the agency alike: its charges, and the credit notes given against it since.
struct InvoicePage: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var name: String, course: String, amount: String, rule: String
    }

    var agency: String
    var period: String
    var total: String
    var raised: String
    var lines: [Line]
    var credits: [CreditNoteRow]
    var hasCredits: Bool
    var stillPayable: String

    init(_ details: InvoiceDetails) {
        agency = details.agencyName
        period = Display.period(of: details.invoice)
        total = Pence(details.invoice.totalPence).description
        raised = Display.instant(details.invoice.raisedAt)
        lines = details.lines.map {
            Line(name: $0.learnerName ?? "", course: $0.courseTitle, amount: Pence($0.charge.amountPence).description, rule: $0.charge.rule)
        }
        credits = details.credits.map(CreditNoteRow.init)
        hasCredits = !details.credits.isEmpty
        stillPayable = (Pence(details.invoice.totalPence) - details.credits.total).description
    }
}

/// A credit note as the officer's and the agency's pages show it.
struct CreditNoteRow: Encodable, Sendable {
    var number: String
    var invoice: Int
    var charge: Int64
    var issued: String
    var reason: String
    var amount: String
    var agency: String

    init(_ line: CreditNoteLine) {
        number = line.note.shownNumber.description
        invoice = line.invoiceNumber
        charge = line.note.chargeId
        issued = Display.instant(line.note.raisedAt)
        reason = line.note.reason
        amount = Pence(line.note.amountPence).description
        agency = line.agencyName
    }
}
