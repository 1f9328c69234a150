import ArgumentParser

extension Training.SessionCommand {
    /// `training session ics`.
    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Write a session's calendar event (.ics) for the trainer.",
            discussion: "Example:\n  training session ics 12 --out session-12.ics")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() throws {
            try Arguments.emit(options.open().calendarEvent(session: session).render(), to: out)
        }
    }
}
