import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training.Invoices {
    /// `training invoices show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an invoice with its line items.",
            discussion: "Example:\n  training invoices show 3")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The invoice number.", transform: { Int(try Arguments.id($0)) }) var number: Int

        func run() throws {
            let details = try options.open().invoice(number: number)
            let i = details.invoice
            print("Invoice \(i.number) — \(details.agencyName)")
            if let contact = details.billingContact { print("  To:      \(contact)") }
            print("  Quarter: \(FinancialYear(startYear: i.financialYear))-Q\(i.quarter)")
            print("  Raised:  \(LondonTime.format(i.raisedAt)) by \(i.raisedBy)\n")
            print(TextTable.render(header: ["Learner", "Course", "Date", "Reason", "Amount"], rows: details.lines.map {
                [$0.learnerName ?? "", $0.courseTitle, String(LondonTime.format($0.sessionStart).prefix(10)), $0.charge.rule,
                 Pence($0.charge.amountPence).description]
            }))
            print("\nTotal: \(Pence(i.totalPence))")
            guard !details.credits.isEmpty else { return }
            print("\nCredited since (the invoice stands; each credit note gives back one charge):")
            print(TextTable.render(header: ["Credit note", "Charge", "Amount", "Raised", "Reason"], rows: details.credits.map {
                [$0.note.shownNumber.description, $0.note.chargeId.shown, Pence($0.note.amountPence).description,
                 LondonTime.format($0.note.raisedAt), $0.note.reason]
            }))
            print("Credited: \(details.credits.total); still payable: \(Pence(i.totalPence) - details.credits.total)")
        }
    }
}
