import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.SessionCommand {
    /// `training session change`.
    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a session that has not started, or change its venue or online link; everyone booked is sent the changed event.",
            discussion: """
                A new start on its own keeps the session's length.

                Example:
                  training session change 12 --start "2026-03-10 13:30"
                  training session change 12 --venue "Westvale Civic Centre, Room 4"
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Option(help: "New start, YYYY-MM-DD HH:MM (London).", transform: LondonDateTime.existing) var start: LondonDateTime?
        @Option(help: "New end, YYYY-MM-DD HH:MM (London).", transform: LondonDateTime.argument) var end: LondonDateTime?
        @Option(help: "Where it is now held.") var venue: String?
        @Option(help: "Its new joining link.") var online: String?

        func validate() throws {
            guard start != nil || end != nil || venue != nil || online != nil else {
                throw ValidationError("give what changes: --start, --end, --venue or --online")
            }
        }

        func run() throws {
            let changed = try options.open().changeSession(session, SessionChange(start: start?.instant, end: end?.instant, venue: venue,
                                                                                 onlineURL: online), by: options.actor)
            print("Session \(session.shown) is now \(LondonTime.format(changed.startsAt)) to \(LondonTime.format(changed.endsAt))\(changed.venue.map { " at \($0)" } ?? "").")
        }
    }
}
