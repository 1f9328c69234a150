import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.SessionCommand {
    /// `training session schedule`.
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule a session of a course. Times are Europe/London.",
            discussion: """
                Capacity, minimum numbers and delivery default to the course's. A start in the past, at a \
                weekend or on a bank holiday is refused with the reason unless --anyway is given; a start the \
                clocks skip in spring (01:00-01:59 on the last Sunday of March) is refused.

                Examples:
                  training session schedule "Introduction to Safeguarding" --start "2025-11-17 09:30" --end "2025-11-17 12:30" --venue "Halifax Town Hall" --trainer "J. Smith"
                  training session schedule "MA Planning in Practice" --start "2026-01-20 13:00" --end "2026-01-20 16:00" --online https://meet.example/abc --capacity 30 --agency-cap 4
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The course title.") var course: String
        @Option(help: "Start, YYYY-MM-DD HH:MM (London).", transform: LondonDateTime.existing) var start: LondonDateTime
        @Option(help: "End, YYYY-MM-DD HH:MM (London).", transform: LondonDateTime.argument) var end: LondonDateTime
        @Option(help: "Where it is held.") var venue: String?
        @Option(help: "The joining link of a virtual session.") var online: String?
        @Option(help: "Who delivers it.") var trainer: String?
        @Option(help: "Places (default: the course's).") var capacity: Int?
        @Option(help: "Minimum numbers to run (default: the course's).") var min: Int?
        @Option(help: "Most places one agency may hold (fair share).") var agencyCap: Int?
        @Option(help: "When bookings close, YYYY-MM-DD HH:MM (default: the start).", transform: LondonDateTime.argument)
        var cutoff: LondonDateTime?
        @Option(help: "Delivery, when it differs from the course's usual one.") var delivery: String?
        @Flag(help: "Schedule it even though it starts in the past, at a weekend or on a bank holiday.") var anyway = false

        func validate() throws {
            if venue != nil && online != nil { throw ValidationError("give --venue or --online, not both") }
        }

        func run() throws {
            let plan = SessionPlan(
                courseTitle: course, start: start.instant, end: end.instant,
                delivery: try delivery.map { try DeliveryMode.parse($0, at: InputLocation(field: "--delivery")) }
                    ?? (online != nil ? .virtual : nil),
                venue: venue, onlineURL: online, trainer: trainer, capacity: capacity, minimumNumbers: min,
                perAgencyCap: agencyCap, bookingCutoff: cutoff?.instant)
            let session = try options.open().scheduleSession(plan, by: options.actor, refusingConcerns: !anyway)
            print("Scheduled session \(try session.storedID.shown): \(course), \(LondonTime.format(session.startsAt))–\(LondonTime.format(session.endsAt).suffix(5)), \(session.capacity) places.")
        }
    }
}
