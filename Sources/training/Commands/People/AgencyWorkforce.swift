import ArgumentParser
import TrainingCore

extension Training.AgencyCommand {
    /// `training agency workforce`.
    struct Workforce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Declare an agency's children's workforce for a financial year (the base of take-up rates).",
            discussion: """
                Example:
                  training agency workforce "Calderdale Council" --year 2025-26 --headcount 1450
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The agency's name.") var agency: String
        @Option(help: "The financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear
        @Option(help: "Number of staff in the children's workforce.") var headcount: Int

        func run() throws {
            try options.open().setWorkforce(agencyName: agency, year: year, headcount: headcount, by: options.actor)
            print("\(agency): workforce \(headcount) in \(year).")
        }
    }
}
