import TrainingCore

extension UserFacingError {
    /// The refusal's own words, and `more` after them, at `location` as the command line names it
    /// ("field '--at': ...", "field 'booking': ...").
    func commandLineMessage(at location: InputLocation, adding more: String = "") -> String {
        InputError((errorDescription ?? "") + more, at: location).commandLineMessage
    }
}

extension BookingRefusal: CommandLineWorded {
    /// The refusal, with the option by which the officer overrides a missing prerequisite.
    var commandLineMessage: String {
        switch self {
        case .missingPrerequisites(let titles):
            "\(BookingRefusal.prerequisitesMissing(titles)) (the officer can override with --override-prerequisites)"
        default: errorDescription ?? ""
        }
    }
}

extension CancellationRefusal: CommandLineWorded {
    /// The refusal at its place: the booking, or the time given with `--at`.
    var commandLineMessage: String { commandLineMessage(at: location) }
}

extension SubstitutionRefusal: CommandLineWorded {
    /// The refusal at its place: the booking, or the substitute.
    var commandLineMessage: String { commandLineMessage(at: location) }
}

extension RegisterRefusal: CommandLineWorded {
    /// The refusal at its place: the session, or the place named.
    var commandLineMessage: String { commandLineMessage(at: location) }
}

extension UnknownLearner: CommandLineWorded {
    /// The refusal with the command that adds a learner.
    var commandLineMessage: String { "\(errorDescription ?? "") (add them with `training learner add`)" }
}
