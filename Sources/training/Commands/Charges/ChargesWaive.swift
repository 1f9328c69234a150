import ArgumentParser
import TrainingStore

extension Training.Charges {
    /// `training charges waive`.
    struct Waive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Waive a charge, with a reason (audited).",
            discussion: "Example:\n  training charges waive 31 --reason \"Snow closed the roads\"")

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The charge's number.", transform: Arguments.id) var charge: Int64
        @Option(help: "Why it is waived.") var reason: String

        func run() throws {
            try options.open().waiveCharge(charge, reason: reason, by: options.actor)
            print("Charge \(charge.shown) waived: \(reason).")
        }
    }
}
