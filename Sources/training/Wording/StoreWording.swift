import TrainingStore

extension StoreError: CommandLineWorded {
    /// The store's message, with the command that deals with it when there is one.
    var commandLineMessage: String {
        let message = errorDescription ?? "\(self)"
        switch self {
        case .noDatabase(let path): return "\(message): create one with `training init --database \(path)`"
        case .notADatabase(let path): return "\(message): run `training check --database \(path)`"
        default: return message
        }
    }
}

extension DatabaseFailure: CommandLineWorded {
    /// What SQLite's failure means for the command, in words a person can act on, naming the database file
    /// when the command opened one.
    var commandLineMessage: String {
        let words = switch kind {
        case .busy: "the database is busy with another command; try again in a moment"
        case .diskFull: "the disk is full: nothing was changed; free some space and try again"
        case .readOnly: "the database file is read-only (or its folder is, which SQLite also writes to): nothing was changed"
        case .cannotOpen: "the database file cannot be opened: check that it and its folder exist and can be written"
        case .damaged: "the database file is damaged: run `training check` (nothing was changed)"
        case .constraint: "the change breaks a rule of the database (\(message ?? "constraint")); nothing was changed"
        case .other: "the database refused the change: \(message ?? code); nothing was changed"
        }
        guard let file = Training.openedDatabase else { return words }
        return "\(file): \(words)"
    }
}
