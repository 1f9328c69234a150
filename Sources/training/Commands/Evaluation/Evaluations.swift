import ArgumentParser

extension Training {
    /// `training evaluations due`.
    struct Evaluations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluation and follow-up invitations.",
            subcommands: [Due.self])
    }
}
