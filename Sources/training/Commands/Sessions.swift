import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training {
    /// `training session ...`: scheduled runs of courses.
    struct SessionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "session",
            abstract: "Schedule, list, show, cancel and close sessions.",
            subcommands: [Schedule.self, List.self, Show.self, Capacity.self, Cancel.self, Deliver.self, Calendar.self])

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
            @Option(help: "Start, YYYY-MM-DD HH:MM (London).") var start: String
            @Option(help: "End, YYYY-MM-DD HH:MM (London).") var end: String
            @Option(help: "Where it is held.") var venue: String?
            @Option(help: "The joining link of a virtual session.") var online: String?
            @Option(help: "Who delivers it.") var trainer: String?
            @Option(help: "Places (default: the course's).") var capacity: Int?
            @Option(help: "Minimum numbers to run (default: the course's).") var min: Int?
            @Option(help: "Most places one agency may hold (fair share).") var agencyCap: Int?
            @Option(help: "When bookings close, YYYY-MM-DD HH:MM (default: the start).") var cutoff: String?
            @Option(help: "Delivery, when it differs from the course's usual one.") var delivery: String?
            @Flag(help: "Schedule it even though it starts in the past, at a weekend or on a bank holiday.") var anyway = false

            func validate() throws {
                if venue != nil && online != nil { throw ValidationError("give --venue or --online, not both") }
            }

            func run() throws {
                let plan = SessionPlan(
                    courseTitle: course, start: try LondonTime.parseExisting(start, at: InputLocation(field: "--start")),
                    end: try Arguments.londonTime(end, option: "--end"),
                    delivery: try delivery.map { try DeliveryMode.parse($0, at: InputLocation(field: "--delivery")) }
                        ?? (online != nil ? .virtual : nil),
                    venue: venue, onlineURL: online, trainer: trainer, capacity: capacity, minimumNumbers: min,
                    perAgencyCap: agencyCap, bookingCutoff: try cutoff.map { try Arguments.londonTime($0, option: "--cutoff") })
                let session = try options.open().scheduleSession(plan, by: options.actor, refusingConcerns: !anyway)
                print("Scheduled session \(session.id!.shown): \(course), \(LondonTime.format(session.startsAt))–\(LondonTime.format(session.endsAt).suffix(5)), \(session.capacity) places.")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List sessions, earliest first.",
                discussion: """
                    Examples:
                      training session list --year 2025-26
                      training session list --course "Introduction to Safeguarding" --status scheduled
                    """)

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Financial year of the start, e.g. 2025-26.") var year: String?
            @Option(help: "Only this course.") var course: String?
            @Option(help: "scheduled, delivered or cancelled.") var status: String?

            func run() throws {
                let sessions = try options.open().sessions(
                    year: try Arguments.year(year), courseTitle: course,
                    status: try status.map { try SessionStatus.parse($0, at: InputLocation(field: "--status")) })
                guard !sessions.isEmpty else {
                    print("No sessions match.")
                    return
                }
                print(TextTable.render(
                    header: ["ID", "Start", "Course", "Status", "Booked", "Left", "Waiting"],
                    rows: sessions.map { s in
                        [s.session.id!.shown, LondonTime.format(s.session.startsAt), s.courseTitle, s.session.status,
                         "\(s.placesTaken)/\(s.session.capacity)", String(s.placesLeft), String(s.waitlisted)]
                    }))
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a session with its bookings, waiting list and places left.",
                discussion: "Example:\n  training session show 12")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

            func run() throws {
                let details = try options.open().sessionDetails(session)
                let s = details.summary.session
                print("Session \(session.shown): \(details.summary.courseTitle) (\(details.summary.level.rawValue))")
                print("  When:      \(LondonTime.format(s.startsAt)) – \(LondonTime.format(s.endsAt)) (Europe/London)")
                print("  Where:     \(s.venue ?? s.onlineURL ?? "not set") (\(s.delivery))")
                if let trainer = s.trainer { print("  Trainer:   \(trainer)") }
                print("  Status:    \(s.status)\(s.cancelReason.map { " (\($0)\(s.cancelNote.map { ": \($0)" } ?? ""))" } ?? "")")
                print("  Places:    \(details.summary.placesTaken) of \(s.capacity) taken, \(details.summary.placesLeft) left; runs with \(s.minimumNumbers)")
                if let cap = s.perAgencyCap { print("  Fair share: at most \(cap) places per agency") }
                if let cutoff = s.bookingCutoffAt { print("  Bookings close: \(LondonTime.format(cutoff))") }
                Self.printLines("Bookings", details.places)
                Self.printLines("Waiting list", details.waitingList)
                Self.printLines("Cancelled", details.cancelled)
                Self.printLines("Waiting list closed (no place came up)", details.waitingListClosed)
            }

            static func printLines(_ heading: String, _ lines: [BookingLine]) {
                guard !lines.isEmpty else { return }
                print("\n\(heading):")
                print(TextTable.render(header: ["Booking", "Learner", "Email", "Agency", "Status"], rows: lines.map {
                    [$0.booking.id!.shown, $0.learnerName, $0.learnerEmail ?? "", $0.agencyName ?? agencyNotRecorded, $0.booking.status]
                }))
            }
        }

        struct Capacity: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change a session's number of places; extra places go to the waiting list in order.",
                discussion: "Example:\n  training session capacity 12 30")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
            @Argument(help: "The new number of places.") var capacity: Int

            func run() throws {
                let promoted = try options.open().setCapacity(of: session, to: capacity, by: options.actor)
                print("Session \(session.shown) now has \(capacity) places.")
                for line in promoted { print("  \(line.learnerName) moved from the waiting list to a confirmed place; their booker will be told.") }
            }
        }

        struct Cancel: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Cancel a session: every booking is released with no charge and the bookers are told.",
                discussion: "Example:\n  training session cancel 12 --reason low-numbers --note \"4 booked of 8 needed\"")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
            @Option(help: "low-numbers, trainer, venue or other.") var reason: String
            @Option(help: "A note for the record.") var note: String?

            func run() throws {
                let why = try SessionCancelReason.parse(reason, at: InputLocation(field: "--reason"))
                let released = try options.open().cancelSession(session, reason: why, note: note, by: options.actor)
                print("Cancelled session \(session.shown) (\(why.rawValue)): \(released.count) booking\(released.count == 1 ? "" : "s") released with no charge; their bookers will be told.")
            }
        }

        struct Deliver: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Close a session once its register is complete.",
                discussion: "Example:\n  training session deliver 12")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

            func run() throws {
                try options.open().deliverSession(session, by: options.actor)
                print("Session \(session.shown) is delivered and its register closed.")
            }
        }

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
}
