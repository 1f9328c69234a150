import ArgumentParser
import Foundation
import GRDB

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
                      SubjectAccess.self, Erase.self, Serve.self, User.self])

    /// Prints a failure the way every command reports one, and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// The database file the command opened, so a database error can name it. Set once, by
    /// `DatabaseOptions.open()`, in a process that runs one command.
    nonisolated(unsafe) static var openedDatabase: String?

    /// A database error in words a person can act on, naming the file when a command opened one.
    static func describe(_ error: DatabaseError) -> String {
        guard let file = openedDatabase else { return explain(error) }
        return "\(file): \(explain(error))"
    }

    static func explain(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the database is busy with another command; try again in a moment"
        case .SQLITE_FULL:
            return "the disk is full: nothing was changed; free some space and try again"
        case .SQLITE_READONLY:
            return "the database file is read-only (or its folder is, which SQLite also writes to): nothing was changed"
        case .SQLITE_CANTOPEN:
            return "the database file cannot be opened: check that it and its folder exist and can be written"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the database file is damaged: run `training check` (nothing was changed)"
        case .SQLITE_CONSTRAINT:
            return "the change breaks a rule of the database (\(error.message ?? "constraint")); nothing was changed"
        default:
            return "the database refused the change: \(error.message ?? "\(error.resultCode)"); nothing was changed"
        }
    }
}
