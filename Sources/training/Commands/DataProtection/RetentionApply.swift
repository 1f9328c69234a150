import ArgumentParser
import TrainingCore
import TrainingStore

extension Training.Retention {
    /// `training retention apply`.
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Anonymise, remove and delete what the retention periods no longer allow to be kept.",
            discussion: """
                Lists what it changes, then changes it in one transaction; with --dry-run it only lists. \
                Anonymised learners keep their bookings, agency and scores, so every figure of every year stays \
                the same.

                Examples:
                  training retention apply --dry-run
                  training retention apply
                """)
        @OptionGroup var options: DatabaseOptions
        @Flag(help: "Only list what would change.") var dryRun = false

        func run() throws {
            let run = try options.open().applyRetention(dryRun: dryRun, by: options.actor)
            let verb = run.applied ? "" : "would be "
            print("Standing on the retention periods: learners inactive since before \(run.cutoffs.lastActivityBefore), "
                  + "free text written before \(run.cutoffs.evaluationTextBefore), audit entries before \(run.cutoffs.auditEntriesBefore).")
            if !run.learnersToAnonymise.isEmpty {
                print(TextTable.render(header: ["Learner", "Name", "Agency", "Last activity"], rows: run.learnersToAnonymise.map {
                    [$0.id.shown, $0.name, $0.agencyName ?? agencyNotRecorded, $0.lastActivity.description]
                }))
            }
            print("\(run.learnersToAnonymise.count) learners \(verb)anonymised; free text \(verb)removed from "
                  + "\(run.evaluationTexts) evaluations and \(run.followUpTexts) follow-ups; \(run.auditEntries) audit entries \(verb)deleted.")
            if run.changesNothing { print("Nothing is due: nothing was changed.") } else if !run.applied { print("Dry run: nothing was changed.") }
        }
    }
}
