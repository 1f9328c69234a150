import ArgumentParser
import TrainingCore

extension Training.LearnerCommand {
    /// `training learner add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one learner.",
            discussion: """
                Example:
                  training learner add "Sam Patel" sam.patel@calderdale.example --agency "Calderdale Council" --role "Social worker" --team "Children in care"
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Full name.") var name: String
        @Argument(help: "Email address (unique, any case).") var email: String
        @Option(help: "The learner's agency (see `training agency list`).") var agency: String
        @Option(help: "Job role.") var role: String?
        @Option(help: "Team within the agency, which its bookers can search by.") var team: String?

        func run() throws {
            let address = try EmailAddress(email, at: InputLocation(field: "email"))
            let details = try LearnerDetails(name: name, email: address, agencyName: agency, jobRole: role, team: team)
            let learner = try options.open().addLearner(details, by: options.actor)
            print("Added learner \(learner.name) <\(learner.email ?? "")>.")
        }
    }
}
