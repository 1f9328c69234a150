import ArgumentParser

extension Training {
    /// `training holiday ...`: bank holidays.
    struct Holiday: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "England and Wales bank holidays (shipped 2014–2030) and ones the officer adds.",
            subcommands: [Add.self, List.self])
    }
}
