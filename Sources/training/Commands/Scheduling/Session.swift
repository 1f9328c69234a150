import ArgumentParser

extension Training {
    /// `training session ...`: scheduled runs of courses.
    struct SessionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session",
            abstract: "Schedule, list, show, cancel and close sessions.",
            subcommands: [Schedule.self, List.self, Show.self, Change.self, Capacity.self, Cancel.self, Deliver.self, Calendar.self])
    }
}
