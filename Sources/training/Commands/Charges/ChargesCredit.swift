import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Charges {
    /// `training charges credit`.
    struct Credit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Credit an invoiced charge in full, with a reason (a numbered credit note, audited).",
            discussion: """
                An invoice is never changed: a charge on one is given back by a credit note of its own
                (CN-0001, CN-0002 ...), which names the invoice and the charge. A charge not yet invoiced is
                waived instead.

                Example:
                  training charges credit 31 --reason "Learner was on the register sheet after all"
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The charge's number.", transform: Arguments.id) var charge: Int64
        @Option(help: "Why it is credited.") var reason: String

        func run() throws {
            let database = try options.open()
            let note = try database.creditCharge(charge, reason: reason, by: options.actor)
            let line = try database.creditNote(number: note.number)
            print("Credit note \(note.shownNumber): \(Pence(note.amountPence)) to \(line.agencyName) for charge \(charge.shown) on invoice \(line.invoiceNumber) — \(note.reason).")
        }
    }
}
