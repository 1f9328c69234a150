import TrainingCore

extension SchedulingRefusal: CommandLineWorded {
    /// The refusal at the option it is about; a start to think twice about says how to go ahead.
    var commandLineMessage: String {
        switch self {
        case .concerns: commandLineMessage(at: location, adding: " — give --anyway to schedule it all the same")
        default: commandLineMessage(at: location)
        }
    }
}

extension SessionRefusal: CommandLineWorded {
    /// The refusal at its place; an incomplete register says how to mark it, by booking where a place has
    /// no email.
    var commandLineMessage: String {
        switch self {
        case .registerIncomplete(let unmarked):
            let byBooking = unmarked.contains { $0.learnerEmail == nil } ? " (`--booking N` for a place with no email)" : ""
            return commandLineMessage(at: location, adding: "; use `training attend`\(byBooking)")
        default:
            return commandLineMessage(at: location)
        }
    }
}

extension UnknownSession: CommandLineWorded {
    /// The refusal with the command that lists the sessions.
    var commandLineMessage: String { "\(errorDescription ?? "") (see `training session list`)" }
}
