import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.LearnerCommand {
    /// `training learner link EMAIL`: a fresh link to a learner's own page, for the officer to pass on.
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a fresh link to a learner's own training page, for you to pass on.",
            discussion: """
                The page shows their places, requests, record of learning, certificates and evaluations to \
                answer. The link works for \(LearnerLinkRules.validDays) days and is shown once: only a hash \
                is kept. Learners can also ask for their own on the sign-in page ("Send me my link").

                Example:
                  training learner link sam.patel@calderdale.example
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The learner's email.") var email: String

        func run() throws {
            let issued = try options.open().issueLearnerLink(email: email, by: options.actor)
            print("Link to \(issued.learnerName)'s training page, working until \(LondonTime.format(issued.expiresAt)):")
            print(issued.link)
        }
    }
}
