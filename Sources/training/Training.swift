import ArgumentParser
import Foundation

/// `training`: the partnership's training programme from the command line.
struct Training: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "Run a multi-agency safeguarding training programme: catalogue, agencies, learners and reports.",
        discussion: """
            Everything is kept in one SQLite file: --database PATH, else $TRAINING_DATABASE, \
            else ./training.sqlite. Every command is one transaction: on any error nothing is changed.

            Start with:
              training init
              training catalogue import Courses
              training catalogue list --level advanced
            """,
        subcommands: [Init.self, Demo.self, Check.self, Catalogue.self, AgencyCommand.self, LearnerCommand.self,
                      Today.self, SessionCommand.self, Book.self, CancelBooking.self, Substitute.self, Waitlist.self, BookingCommand.self,
                      Register.self, Attend.self, Policy.self, Charges.self, Invoices.self, Holiday.self, Notifications.self,
                      Licences.self, Settings.self, Evaluations.self, Evaluate.self, FollowUp.self, Import.self,
                      Impact.self, Report.self, Export.self, Audit.self, Backup.self, Restore.self, Retention.self,
                      SubjectAccess.self, Erase.self, Serve.self, User.self, Mail.self, Certificate.self])

    /// Prints a failure the way every command reports one, and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// The database file the command opened, so a database failure can name it (`DatabaseFailure`'s
    /// wording). Set once, by `DatabaseOptions.open()`, in a process that runs one command.
    nonisolated(unsafe) static var openedDatabase: String?
}
