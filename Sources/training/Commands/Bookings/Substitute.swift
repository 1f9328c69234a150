import ArgumentParser
import TrainingCore
import TrainingStore

extension Training {
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
                throw InputError("cannot substitute \(learner) on booking \(booking.shown): \(refusal.commandLineMessage)")
            }
            print("Booking \(booking.shown) now holds \(learner), free of charge.")
        }
    }
}
