import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Charges {
    /// `training charges list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List charges, newest first; exempt cancellations are shown at £0.00 with their reason.",
            discussion: """
                Examples:
                  training charges list --year 2025-26
                  training charges list --agency "Calderdale Council" --quarter 2025-26-Q3
                """)

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only this agency.") var agency: String?
        @Option(help: "Raised in this financial year.", transform: FinancialYear.argument) var year: FinancialYear?
        @Option(help: "Raised in this quarter, e.g. 2025-26-Q3.", transform: Quarter.argument) var quarter: Quarter?

        func run() throws {
            let lines = try options.open().charges(agencyName: agency, year: year, quarter: quarter)
            guard !lines.isEmpty else {
                print("No charges match.")
                return
            }
            print(TextTable.render(header: ["Charge", "Raised", "Agency", "Learner", "Course", "Amount", "State", "Rule"], rows: try lines.map { line in
                let c = line.charge
                return [try c.storedID.shown, c.raisedOn.description, line.agencyName, line.learnerName ?? "", line.courseTitle,
                        Pence(c.amountPence).description, line.state.description, c.rule]
            }))
            print("Payable: \(lines.payable)")
        }
    }
}
