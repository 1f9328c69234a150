import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.LearnerCommand {
    /// `training learner list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List learners, optionally of one agency.",
            discussion: "Example:\n  training learner list --agency \"Calderdale Council\"")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "Only this agency's staff.") var agency: String?

        func run() throws {
            let learners = try options.open().learners(agencyName: agency)
            guard !learners.isEmpty else {
                print("No learners\(agency.map { " at \($0)" } ?? ""). Add them with `training learner add` or `training learner import`.")
                return
            }
            // A Team column only when someone listed has a team, so a list without teams reads as it always has.
            let teams = learners.contains { $0.learner.team != nil }
            let rows = learners.map {
                [$0.learner.name, $0.learner.email ?? "(anonymised)", $0.agencyName ?? agencyNotRecorded, $0.learner.jobRole ?? ""]
                    + (teams ? [$0.learner.team ?? ""] : [])
            }
            print(TextTable.render(header: ["Name", "Email", "Agency", "Role"] + (teams ? ["Team"] : []), rows: rows))
            print("\(learners.count) learner\(learners.count == 1 ? "" : "s")")
        }
    }
}
