import ArgumentParser
import TrainingCore
import TrainingStore

extension Training {
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
        @Option(help: "When the cancellation was received, YYYY-MM-DD HH:MM (default: now).", transform: LondonDateTime.argument)
        var at: LondonDateTime?
        @Option(help: "Why (exempt reasons such as illness raise no charge).") var reason: String?
        @Flag(help: "Cancel without asking.") var yes = false

        func run() throws {
            let database = try options.open()
            let at = at?.instant
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
                print(charge.exemptReason == nil ? "Charge \(try charge.storedID.shown) raised: \(charge.rule)." : "No charge: \(charge.rule).")
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
}
