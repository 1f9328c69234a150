import TrainingCore

/// An error the command line words itself: which option to fix, which command to run next. The store's
/// refusals carry only facts; each area's wording for the command line lives beside this file.
protocol CommandLineWorded: Error {
    var commandLineMessage: String { get }
}

extension NamedInput {
    /// The option of `training` that gives this value.
    var option: String {
        switch self {
        case .agency: "--agency"
        case .reason: "--reason"
        case .count: "--count"
        case .supplier: "--supplier"
        case .note: "--note"
        case .endsOn: "--to"
        case .quota: "--quota"
        case .unusedForDays: "--unused-for"
        case .name: "--name"
        case .role: "--role"
        case .cancelledAt: "--at"
        case .venue: "--venue"
        case .onlineLink: "--online"
        case .trainer: "--trainer"
        case .start: "--start"
        case .end: "--end"
        case .capacity: "--capacity"
        case .minimum: "--min"
        case .agencyCap: "--agency-cap"
        case .cutoff: "--cutoff"
        case .quarter: "--quarter"
        }
    }
}

extension InputLocation {
    /// The place as the command line names it: a named value by its option.
    var commandLineDescription: String {
        var place = self
        if let input = place.input {
            place.input = nil
            place.field = place.field ?? input.option
        }
        return place.description
    }
}

extension InputError: CommandLineWorded {
    var commandLineMessage: String {
        let place = location.commandLineDescription
        return place.isEmpty ? problem : "\(place): \(problem)"
    }
}

extension InputProblems: CommandLineWorded {
    var commandLineMessage: String { message(wording: \.commandLineMessage) }
}
