import ArgumentParser

extension Training {
    /// `training waitlist show`.
    struct Waitlist: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The waiting list of a session.",
            subcommands: [Show.self])
    }
}
