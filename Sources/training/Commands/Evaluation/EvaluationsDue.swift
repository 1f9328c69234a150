import ArgumentParser
import TrainingCore

extension Training.Evaluations {
    /// `training evaluations due`.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue the links of every invitation now due, as CSV for a mail-merge.",
            discussion: """
                Each link is personal, single-use and shown once: only a hash is kept. Running the command \
                again lists only invitations that have become due since; --resend issues new links for \
                unanswered ones (the old links stop working).

                Examples:
                  training evaluations due --out invitations.csv
                  training evaluations due --resend
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Write the CSV to this file (default: standard output).") var out: String?
        @Flag(help: "Issue new links for invitations sent but not answered.") var resend = false

        func run() throws {
            let issued = try options.open().issueDueInvitations(resend: resend, by: options.actor)
            let lines = [CSVDocument.line(["email", "name", "course", "session_date", "kind", "link", "expires_on"])] + issued.map {
                CSVDocument.line([$0.email, $0.learnerName, $0.courseTitle, $0.sessionDate.description, $0.kind.rawValue, $0.link,
                                  $0.expiresOn.description])
            }
            try Arguments.emit(lines.joined(separator: "\n") + "\n", to: out)
            if out != nil { print("\(issued.count) invitation\(issued.count == 1 ? "" : "s") issued.") }
        }
    }
}
