import ArgumentParser
import TrainingCore

extension Training.Holiday {
    /// `training holiday list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List bank holidays, optionally of one financial year.",
            discussion: "Example:\n  training holiday list --year 2025-26")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Financial year, e.g. 2025-26.", transform: FinancialYear.argument) var year: FinancialYear?

        func run() throws {
            let holidays = try options.open().bankHolidays().filter { year?.contains($0.date) ?? true }
            print(TextTable.render(header: ["Date", "Holiday"], rows: holidays.map { [$0.date.description, $0.name] }))
        }
    }
}
