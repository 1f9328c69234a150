import TrainingCore

extension UnknownAgency: CommandLineWorded {
    /// Where the name was given, the name, and the commands that add an agency or list them.
    var commandLineMessage: String {
        InputError("unknown agency '\(name)' (add it first with `training agency add`, or see `training agency list`)", at: location)
            .commandLineMessage
    }
}

extension LearnerImportRefusal: CommandLineWorded {
    /// The line of the file, and the option that updates existing learners.
    var commandLineMessage: String {
        switch self {
        case .heldWithOtherDetails(_, _, let location):
            InputError("\(errorDescription ?? "") (use --update to change existing learners)", at: location).commandLineMessage
        }
    }
}
