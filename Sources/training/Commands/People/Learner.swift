import ArgumentParser

extension Training {
    /// `training learner ...`: the agencies' staff.
    struct LearnerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "learner",
            abstract: "Add, import, list and show learners (agencies' staff).",
            subcommands: [Add.self, Import.self, List.self, Show.self, Link.self])
    }
}
