import ArgumentParser

extension Training.BookingCommand {
    /// `training booking ics`.
    struct Calendar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Write a booking's calendar event (.ics) for the learner's calendar.",
            discussion: "Example:\n  training booking ics 57 --out booking-57.ics")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The booking's number.", transform: Arguments.id) var booking: Int64
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() throws {
            try Arguments.emit(options.open().calendarEvent(booking: booking).render(), to: out)
        }
    }
}
