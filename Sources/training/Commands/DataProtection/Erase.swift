import ArgumentParser

extension Training {
    /// `training erase EMAIL --reason TEXT`.
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase one person on a valid request: anonymise them at once and remove what they wrote.",
            discussion: """
                They become "Anonymised learner #n" with their agency kept, so every figure stays the same; their \
                free-text answers are removed (scores kept). The audit entry records the reason, not their details. \
                Deleted content is overwritten in the file. Backups taken earlier still hold them: replace or \
                destroy those as your backup policy says.

                Example:
                  training erase sam.jones@westvale.example --reason "Erasure request DP-2026-014"
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The person's email.") var email: String
        @Option(help: "Why (the request's reference).") var reason: String

        func run() throws {
            let report = try options.open().erase(email: email, reason: reason, by: options.actor)
            print("Erased: the learner is now \(report.pseudonym); \(report.bookingsKept) bookings and \(report.licencesKept) "
                  + "licences kept without their details; free text removed from \(report.textsRemoved) answers.")
            if !report.placesCancelled.isEmpty {
                print("Places still to come cancelled with no charge (the waiting list moves up): bookings "
                      + report.placesCancelled.map { "#\($0)" }.joined(separator: ", ") + ".")
            }
            if !report.logCleared {
                print("Note: another program is reading the database, so old copies of the changed pages stay in its "
                      + "write-ahead log until the next checkpoint (when it closes).")
            }
        }
    }
}
