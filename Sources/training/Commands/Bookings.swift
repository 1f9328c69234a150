import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training {
    /// `training book`: a place for a learner.
    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book a learner onto a session: a confirmed place while places remain, else the waiting list.",
            discussion: """
                Examples:
                  training book 12 sam.patel@calderdale.example --by booker@calderdale.example
                  training book 14 jo@nhs.example --override-prerequisites
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Argument(help: "The learner's email.") var learner: String
        @Option(help: "Who is booking (default: $TRAINING_USER or the login name).") var by: String?
        @Flag(help: "Officer only: book although the learner lacks a prerequisite (audited).") var overridePrerequisites = false

        func run() throws {
            let outcome: BookingOutcome
            do {
                outcome = try options.open().book(session: session, learnerEmail: learner, by: by ?? options.actor,
                                                  overridePrerequisites: overridePrerequisites)
            } catch let refusal as BookingRefusal {
                throw InputError("cannot book \(learner) on session \(session.shown): \(refusal.localizedDescription)")
            }
            switch outcome.placed {
            case .confirmed:
                print("Booked: \(learner) has a confirmed place on session \(session.shown) (booking \(outcome.booking.id!.shown)).")
            case .waitlisted:
                print("Session \(session.shown) is full: \(learner) is on the waiting list (booking \(outcome.booking.id!.shown)), \(outcome.waitingPosition) ahead.")
            }
        }
    }

    /// `training cancel`: give up a place.
    struct CancelBooking: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a booking; a late cancellation is charged under the policy, and the place goes to the first learner waiting.",
            discussion: """
                Notice is the whole working days between the cancellation and the session's day. It first \
                shows the notice and the charge the cancellation will raise — the same terms the booker's \
                cancel page shows — and, on a terminal, asks before cancelling; answering anything but y \
                changes nothing and exits with status 1. --yes skips the question; when standard input is \
                not a terminal (a script, a pipe) it never waits and goes on.

                Examples:
                  training cancel 57 --reason "rota change"
                  training cancel '#57' --reason illness --at "2025-11-10 08:15" --yes
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The booking's number.", transform: Arguments.id) var booking: Int64
        @Option(help: "Who cancelled.") var by: String?
        @Option(help: "When the cancellation was received, YYYY-MM-DD HH:MM (default: now).") var at: String?
        @Option(help: "Why (exempt reasons such as illness raise no charge).") var reason: String?
        @Flag(help: "Cancel without asking.") var yes = false

        func run() throws {
            let database = try options.open()
            let at = try at.map { try Arguments.londonTime($0, option: "--at") }
            if !yes {
                print(Self.terms(try database.cancellationPreview(booking, at: at, reason: reason), of: booking))
                guard Confirmation.confirmed("Cancel booking \(booking.shown)?") else {
                    print("Not cancelled: booking \(booking.shown) is unchanged.")
                    throw ExitCode(1)
                }
            }
            let outcome = try database.cancelBooking(booking, by: by ?? options.actor, at: at, reason: reason)
            print("Cancelled booking \(booking.shown) with \(outcome.notice) working day\(outcome.notice == 1 ? "" : "s")' notice.")
            if let charge = outcome.charge {
                print(charge.exemptReason == nil ? "Charge \(charge.id!.shown) raised: \(charge.rule)." : "No charge: \(charge.rule).")
            } else {
                print("No charge.")
            }
            if let promoted = outcome.promoted {
                print("The place went to \(promoted.learnerName) from the waiting list; their booker will be told.")
            }
        }

        /// What cancelling will give and cost, from the store's preview (the booker's cancel page's own).
        static func terms(_ terms: CancellationTerms, of booking: Int64) -> String {
            let notice = "\(terms.notice) working day\(terms.notice == 1 ? "" : "s")' notice"
            guard let charge = terms.charge else { return "Cancelling booking \(booking.shown) now gives \(notice): no charge." }
            if charge.amount == .zero { return "Cancelling booking \(booking.shown) now gives \(notice): no charge (\(charge.rule))." }
            return "Cancelling booking \(booking.shown) now gives \(notice) and raises a charge of \(charge.amount): \(charge.rule)."
        }
    }

    /// `training substitute`: another learner in the same place.
    struct Substitute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put another learner from the same agency in a booking's place, free, up to the start.",
            discussion: "Example:\n  training substitute 57 jo.bloggs@calderdale.example")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The booking's number.", transform: Arguments.id) var booking: Int64
        @Argument(help: "The substitute's email.") var learner: String
        @Option(help: "Who made the change.") var by: String?
        @Flag(help: "Officer only: accept a substitute who lacks a prerequisite (audited).") var overridePrerequisites = false

        func run() throws {
            do {
                try options.open().substitute(booking: booking, with: learner, by: by ?? options.actor,
                                              overridePrerequisites: overridePrerequisites)
            } catch let refusal as BookingRefusal {
                throw InputError("cannot substitute \(learner) on booking \(booking.shown): \(refusal.localizedDescription)")
            }
            print("Booking \(booking.shown) now holds \(learner), free of charge.")
        }
    }

    /// `training waitlist show`.
    struct Waitlist: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The waiting list of a session.",
            subcommands: [Show.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show a session's waiting list, first come first served.",
                discussion: "Example:\n  training waitlist show 12")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

            func run() throws {
                let list = try options.open().waitingList(session: session)
                guard !list.isEmpty else {
                    print("Nobody is waiting for session \(session.shown).")
                    return
                }
                print(TextTable.render(header: ["#", "Booking", "Learner", "Agency", "Since"], rows: list.enumerated().map { index, line in
                    [String(index + 1), line.booking.id!.shown, line.learnerName, line.agencyName ?? agencyNotRecorded,
                     LondonTime.format(line.booking.bookedAt)]
                }))
            }
        }
    }

    /// `training booking ...`: one booking's calendar event and history.
    struct BookingCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "booking",
            abstract: "One booking's calendar event and history.",
            subcommands: [Calendar.self, History.self])

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

        struct History: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Everything that happened to a booking, substitutions included.",
                discussion: "Example:\n  training booking history 57")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The booking's number.", transform: Arguments.id) var booking: Int64

            func run() throws {
                let history = try options.open().bookingHistory(booking)
                print(TextTable.render(header: ["When", "What", "Detail"], rows: history.map { [LondonTime.format($0.at), $0.kind, $0.detail] }))
            }
        }
    }

    /// `training register` and `training attend`.
    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a session's register.",
            discussion: "Example:\n  training register 12")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64

        func run() throws {
            let lines = try options.open().register(session: session)
            guard !lines.isEmpty else {
                print("Nobody holds a place on session \(session.shown).")
                return
            }
            print(TextTable.render(header: ["Learner", "Email", "Agency", "Mark"], rows: lines.map {
                [$0.learnerName, $0.learnerEmail ?? "", $0.agencyName ?? agencyNotRecorded,
                 $0.booking.status == "confirmed" ? "not marked" : $0.booking.status]
            }))
        }
    }

    struct Attend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark the register: learners present, and with --absent those who did not attend.",
            discussion: """
                A non-attendance is charged under the policy. Marks can be corrected until the session is \
                delivered; a correction reverses or raises the charge.

                Examples:
                  training attend 12 sam@calderdale.example jo@calderdale.example --absent kim@calderdale.example
                  training attend 12 --absent ann@nhs.example
                  training attend 12 --booking 57 --absent-booking 58   # places named by booking, as an erased learner's is
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The session's number.", transform: Arguments.id) var session: Int64
        @Argument(help: "Emails of learners present.") var present: [String] = []
        @Option(parsing: .upToNextOption, help: "Emails of learners absent.") var absent: [String] = []
        @Option(name: .customLong("booking"), parsing: .upToNextOption,
                help: "Booking numbers of places present (an erased learner's place has no email).", transform: Arguments.id) var presentBookings: [Int64] = []
        @Option(name: .customLong("absent-booking"), parsing: .upToNextOption,
                help: "Booking numbers of places absent.", transform: Arguments.id) var absentBookings: [Int64] = []

        func validate() throws {
            if present.isEmpty && absent.isEmpty && presentBookings.isEmpty && absentBookings.isEmpty {
                throw ValidationError("name at least one learner, present or --absent (or a place by --booking or --absent-booking)")
            }
        }

        func run() throws {
            let marks = try options.open().mark(session: session, present: present, absent: absent, presentBookings: presentBookings,
                                                absentBookings: absentBookings, by: options.actor)
            for mark in marks {
                var line = "\(mark.line.learnerEmail ?? "\(mark.line.learnerName) (booking \(mark.line.booking.id!.shown))"): \(mark.line.booking.status)"
                if mark.previousStatus != "confirmed" && mark.previousStatus != mark.line.booking.status {
                    line += " (corrected from \(mark.previousStatus))"
                }
                if let charge = mark.chargeRaised { line += "; charge \(charge.id!.shown) raised: \(Pence(charge.amountPence))" }
                if let charge = mark.chargeReversed { line += "; charge \(charge.id!.shown) reversed" }
                print(line)
            }
        }
    }
}
