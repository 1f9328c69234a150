import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Invoices {
    /// `training invoices raise`.
    struct Raise: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gather each agency's unbilled charges up to the end of a quarter into one invoice per agency.",
            discussion: """
                Raising again bills only charges not yet invoiced; numbers are never reused.

                Example:
                  training invoices raise --quarter 2025-26-Q1
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "The quarter, e.g. 2025-26-Q1.", transform: Quarter.argument) var quarter: Quarter

        func run() throws {
            let invoices = try options.open().raiseInvoices(for: quarter, by: options.actor)
            guard !invoices.isEmpty else {
                print("Nothing to invoice: every payable charge up to the end of \(quarter) is already billed.")
                return
            }
            for invoice in invoices { print("Invoice \(invoice.number): \(Pence(invoice.totalPence))") }
            print("\(invoices.count) invoice\(invoices.count == 1 ? "" : "s") raised; see `training invoices show N`.")
        }
    }
}
