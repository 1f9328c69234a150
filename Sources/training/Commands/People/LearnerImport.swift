import ArgumentParser
import Foundation
import TrainingImport

extension Training.LearnerCommand {
    /// `training learner import`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import learners from a CSV file: name,email,agency[,job_role][,team].",
            discussion: """
                The first line names the columns. Agencies must already exist. Learners already held with \
                the same details are left alone; with different details the import stops unless --update. \
                Any error changes nothing.

                Example:
                  training learner import staff.csv
                """)

        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Update the name, agency, role and team of learners already held.") var update = false

        func run() throws {
            let learners = try LearnerFile.read(URL(fileURLWithPath: file), displayName: file)
            let database = try options.open()
            let summary = try ProgressBar.during("Importing learners", fractions: { progress in
                try database.importLearners(learners, updatingExisting: update, by: options.actor, progress: progress)
            })
            print("Learners imported from \(file): \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged.")
        }
    }
}
