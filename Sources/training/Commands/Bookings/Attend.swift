import ArgumentParser
import TrainingCore
import TrainingStore

extension Training {
    /// `training attend`: the register marked.
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
                let learner = try mark.line.learnerEmail ?? "\(mark.line.learnerName) (booking \(mark.line.booking.storedID.shown))"
                var line = "\(learner): \(mark.line.booking.status.rawValue)"
                if mark.previousStatus != .confirmed && mark.previousStatus != mark.line.booking.status {
                    line += " (corrected from \(mark.previousStatus.rawValue))"
                }
                if let charge = mark.chargeRaised { line += "; charge \(try charge.storedID.shown) raised: \(Pence(charge.amountPence))" }
                if let charge = mark.chargeReversed { line += "; charge \(try charge.storedID.shown) reversed" }
                print(line)
            }
        }
    }
}
