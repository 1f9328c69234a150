import ArgumentParser
import TrainingCore

extension Training.Holiday {
    /// `training holiday add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a bank holiday (a new proclamation, or a year beyond the shipped list).",
            discussion: "Example:\n  training holiday add 2031-01-01 \"New Year's Day\"")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The date, YYYY-MM-DD.", transform: LocalDate.argument) var date: LocalDate
        @Argument(help: "Its name.") var name: String

        func run() throws {
            try options.open().addBankHoliday(date, name: name, by: options.actor)
            print("Added bank holiday \(date): \(name).")
        }
    }
}
