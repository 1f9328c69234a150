import ArgumentParser
import TrainingCore

extension Training {
    /// `training evaluate TOKEN ...`: a learner's answers.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a post-course evaluation from a learner's personal link.",
            discussion: """
                Example:
                  training evaluate 3q2-Xk... --satisfaction 5 --knowledge a-lot --before 4 --after 8 \\
                      --best "Case studies" --change "I will use chronologies" --improve "More time"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The token from the learner's link.") var token: String
        @Option(help: "1 (very dissatisfied) to 5 (very satisfied).") var satisfaction: Int
        @Option(help: "Knowledge and skills improved: a-lot, a-little or not-at-all.") var knowledge: String
        @Option(help: "Confidence before the course, 1 to 10.") var before: Int?
        @Option(help: "Confidence after the course, 1 to 10.") var after: Int?
        @Option(help: "The best part.") var best: String?
        @Option(help: "How practice will change.") var change: String?
        @Option(help: "What to improve.") var improve: String?

        func run() throws {
            let answers = try EvaluationAnswers(
                satisfaction: satisfaction, knowledge: KnowledgeGain.parse(knowledge, at: InputLocation(field: "--knowledge")),
                confidenceBefore: before, confidenceAfter: after, bestPart: best, practiceChange: change, improve: improve)
            try options.open().submitEvaluation(token: token, answers: answers)
            print("Thank you: the evaluation is recorded.")
        }
    }
}
