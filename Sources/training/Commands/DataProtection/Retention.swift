import ArgumentParser

extension Training {
    /// `training retention show|set|apply`.
    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How long personal data is kept, and applying it.",
            subcommands: [Show.self, Set.self, Apply.self])

        /// What each period means, for `retention show`.
        static let meaning = [
            "inactive-learner-years": "a learner with no activity for this long is anonymised (bookings, agency and scores kept)",
            "evaluation-text-years": "free-text evaluation and follow-up answers are removed (scores kept)",
            "audit-log-years": "audit entries are deleted",
        ]
    }
}
