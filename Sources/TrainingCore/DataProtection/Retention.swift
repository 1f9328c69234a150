/// How long the partnership keeps personal data (UK GDPR's storage limitation; issue 10), held in the
/// database and changed by the officer with `training retention set`.
///
/// The training record itself is never deleted — a partnership is inspected on it — so what "no longer
/// kept" means differs by kind: a learner's details are anonymised (the bookings stay, with agency and
/// sector, so every figure of a past year is unchanged); free-text answers are removed and the scores kept;
/// audit entries older than their period are deleted.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    /// A learner with no activity (booking, attendance, licence, evaluation) for this many years is anonymised.
    public var inactiveLearnerYears: Int
    /// Free-text evaluation and follow-up answers are removed this many years after they were written.
    public var evaluationTextYears: Int
    /// Audit entries are deleted this many years after they were written.
    public var auditLogYears: Int

    /// The defaults: 6 years for learners' details and the audit log, 3 years for free text.
    public static let standard = RetentionPolicy(inactiveLearnerYears: 6, evaluationTextYears: 3, auditLogYears: 6)

    /// The longest period the officer may set: beyond this nothing would ever be removed.
    public static let maximumYears = 50

    public init(inactiveLearnerYears: Int, evaluationTextYears: Int, auditLogYears: Int) {
        self.inactiveLearnerYears = inactiveLearnerYears
        self.evaluationTextYears = evaluationTextYears
        self.auditLogYears = auditLogYears
    }

    /// The periods' names as the officer types them.
    public static let keys = ["inactive-learner-years", "evaluation-text-years", "audit-log-years"]

    /// Each period by name, in years.
    public var values: [(key: String, years: Int)] {
        [("inactive-learner-years", inactiveLearnerYears), ("evaluation-text-years", evaluationTextYears),
         ("audit-log-years", auditLogYears)]
    }

    /// A copy with one period changed; refuses an unknown name or a number of years out of range.
    public func setting(_ key: String, to value: String) throws -> RetentionPolicy {
        let location = InputLocation(field: key)
        guard let years = Int(value.trimmingCharacters(in: .whitespaces)), (1...Self.maximumYears).contains(years) else {
            throw InputError("'\(value)' is not a whole number of years from 1 to \(Self.maximumYears)", at: location)
        }
        var copy = self
        switch key {
        case "inactive-learner-years": copy.inactiveLearnerYears = years
        case "evaluation-text-years": copy.evaluationTextYears = years
        case "audit-log-years": copy.auditLogYears = years
        default:
            throw InputError("unknown retention period '\(key)' (periods: \(Self.keys.joined(separator: ", ")))",
                             at: InputLocation(field: "period"))
        }
        return copy
    }

    /// The first day still kept for each kind of data, standing on `today` (a London date).
    public func cutoffs(today: LocalDate) -> RetentionCutoffs {
        RetentionCutoffs(lastActivityBefore: today.subtracting(years: inactiveLearnerYears),
                         evaluationTextBefore: today.subtracting(years: evaluationTextYears),
                         auditEntriesBefore: today.subtracting(years: auditLogYears))
    }
}

/// The dates a retention run works from: anything strictly before its date is no longer kept.
public struct RetentionCutoffs: Sendable, Hashable {
    /// Learners whose latest activity falls before this day are anonymised.
    public var lastActivityBefore: LocalDate
    /// Free text written before this day is removed.
    public var evaluationTextBefore: LocalDate
    /// Audit entries written before this day are deleted.
    public var auditEntriesBefore: LocalDate
}

/// What an anonymised learner is called: a number, so lists still tell people apart, and nothing else.
public enum AnonymisedLearner {
    public static func name(number: Int) -> String { "Anonymised learner #\(number)" }
}

extension LocalDate {
    /// The same day `years` earlier; 29 February becomes 28 February in a year that has none.
    public func subtracting(years: Int) -> LocalDate {
        let earlier = year - years
        return LocalDate(everyYear: earlier, month: month, day: min(day, LocalDate.daysIn(month: month, year: earlier)))
    }
}
