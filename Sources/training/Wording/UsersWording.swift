import TrainingCore

extension UserRefusal: CommandLineWorded {
    /// The refusal with the option or command that answers it.
    var commandLineMessage: String {
        let plain = errorDescription ?? ""
        switch self {
        case .bookerNeedsAgency:
            return InputError("\(plain): give \(NamedInput.agency.option)", at: InputLocation(input: .agency)).commandLineMessage
        case .unknownUser:
            return "\(plain) (see `training user list`)"
        case .noUserForPassword:
            return "\(plain) (add one with `training user add`)"
        }
    }
}
