import TrainingCore

extension LicenceRefusal: CommandLineWorded {
    /// The refusal with where to look on the command line.
    var commandLineMessage: String {
        switch self {
        case .unknownModule(let title): "no course is titled '\(title)' (see `training catalogue list`)"
        }
    }
}
