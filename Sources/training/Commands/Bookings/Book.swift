import ArgumentParser
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
                throw InputError("cannot book \(learner) on session \(session.shown): \(refusal.commandLineMessage)")
            }
            switch outcome.placed {
            case .confirmed:
                print("Booked: \(learner) has a confirmed place on session \(session.shown) (booking \(try outcome.booking.storedID.shown)).")
            case .waitlisted:
                print("Session \(session.shown) is full: \(learner) is on the waiting list (booking \(try outcome.booking.storedID.shown)), \(outcome.waitingPosition) ahead.")
            }
        }
    }
}
