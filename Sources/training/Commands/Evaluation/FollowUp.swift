import ArgumentParser
import TrainingCore

extension Training {
    /// `training follow-up TOKEN ...`.
    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-up",
            abstract: "Record a follow-up (what changed in practice) from a learner's personal link.",
            discussion: """
                Example:
                  training follow-up 9fK-2a... --used partly --example "Used the toolkit at a core group" --difference 4 --barriers "Caseload"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The token from the learner's link.") var token: String
        @Option(help: "Learning used in practice: yes, partly or no.") var used: String
        @Option(help: "An example.") var example: String?
        @Option(help: "Difference for children and families, 1 to 5.") var difference: Int?
        @Option(help: "What got in the way.") var barriers: String?

        func run() throws {
            let answers = try FollowUpAnswers(used: UsedInPractice.parse(used, at: InputLocation(field: "--used")), example: example,
                                              difference: difference, barriers: barriers)
            try options.open().submitFollowUp(token: token, answers: answers)
            print("Thank you: the follow-up is recorded.")
        }
    }
}
