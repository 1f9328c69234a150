import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Invoices {
    /// `training invoices list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List invoices, newest first.",
            discussion: "Example:\n  training invoices list --agency \"Calderdale Council\"")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only this agency.") var agency: String?

        func run() throws {
            let database = try options.open()
            let invoices = try database.invoices(agencyName: agency)
            guard !invoices.isEmpty else {
                print("No invoices yet.")
                return
            }
            print(TextTable.render(header: ["Number", "Agency", "Quarter", "Total", "Raised"], rows: invoices.map {
                [String($0.invoice.number), $0.agencyName, "\(FinancialYear(startYear: $0.invoice.financialYear))-Q\($0.invoice.quarter)",
                 Pence($0.invoice.totalPence).description, LondonTime.format($0.invoice.raisedAt)]
            }))
            let credits = try database.creditNotes(agencyName: agency)
            guard !credits.isEmpty else { return }
            print("\nCredit notes")
            print(TextTable.render(header: ["Number", "Agency", "Invoice", "Charge", "Amount", "Raised", "Reason"], rows: credits.map {
                [$0.note.shownNumber.description, $0.agencyName, String($0.invoiceNumber), $0.note.chargeId.shown,
                 Pence($0.note.amountPence).description, LondonTime.format($0.note.raisedAt), $0.note.reason]
            }))
        }
    }
}
