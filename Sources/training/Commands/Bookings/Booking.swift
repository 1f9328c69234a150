import ArgumentParser

extension Training {
    /// `training booking ...`: one booking's calendar event and history.
    struct BookingCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "booking",
            abstract: "One booking's calendar event and history.",
            subcommands: [Calendar.self, History.self])
    }
}
