import Foundation
import TrainingCore

/// What can go wrong with the database itself, as opposed to the input (which is an `InputError`); SQLite's
/// own failures are `DatabaseFailure`s. Its messages say what is wrong, never which command to run: each
/// shell adds that in its own words (the command line's are in `StoreWording.swift`).
public enum StoreError: Error, UserFacingError, Equatable {
    /// No file at the path, and the command does not create one.
    case noDatabase(path: String)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file was written by a newer version of this program; opening it could lose data.
    case writtenByNewerVersion(path: String, unknownMigrations: [String])
    /// Something asked for is not there.
    case notFound(String)
    /// A file offered as a database (a backup to restore, a copy just made) fails the check (`check(path:)`).
    case unsoundFile(path: String, name: String, problems: [String])
    /// A store call was made through a handle of `inOneTransaction` after that transaction had ended.
    case transactionEnded
    /// The id of a record was asked for before the record was stored (`StoredRecord.storedID`).
    case notStored(record: String)

    public var errorDescription: String? {
        switch self {
        case .noDatabase(let path):
            return "there is no database at \(path)"
        case .notADatabase(let path):
            return "\(path) is not a training database (it is not an SQLite file, or it is damaged)"
        case .writtenByNewerVersion(let path, let unknown):
            return "\(path) was written by a newer version of training (it has changes this version does not know: \(unknown.joined(separator: ", "))); upgrade training to open it — nothing was changed"
        case .notFound(let what):
            return what
        case .unsoundFile(let path, let name, let problems):
            let subject = name == path ? path : "\(name) (\(path))"
            return "\(subject) fails the check, so it is not used and nothing was changed: \(problems.joined(separator: "; "))"
        case .transactionEnded:
            return "a change was made after the transaction it belonged to had ended; nothing was changed"
        case .notStored(let record):
            return "a \(record) was used before it was stored, so it has no id yet; nothing was changed"
        }
    }
}
