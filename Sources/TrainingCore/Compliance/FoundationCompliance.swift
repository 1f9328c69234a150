/// Compliance by agency (issue 22): the share of an agency's staff who have done the foundation course
/// within its refresher period, shown on the board's Take-up sheet and Summary.
///
/// Exactly: "the foundation course" is every foundation-level course with a refresher interval. A learner
/// is in date at the end of the period reported (its last day) when their latest completion of any of those
/// courses on or before that day (`RefresherDue`) does not fall due before it. They count under the agency
/// recorded on that completion — its booking's or licence's, as attendance is counted (DOMAIN.md,
/// "Attendance") — or under *Agency not recorded*. The share is those learners ÷ the agency's declared
/// workforce for the period's financial year, the denominator of take-up (DOMAIN.md, "Take-up"); there is
/// none where no workforce, or a workforce of none, is declared.
public enum FoundationCompliance {
    /// A completion of a foundation course with a refresher interval.
    public struct Completion: Sendable, Hashable {
        public var learnerId: Int64
        /// The agency recorded on the booking or licence; nil: none recorded.
        public var agencyId: Int64?
        public var doneOn: LocalDate
        public var refresherMonths: Int

        public init(learnerId: Int64, agencyId: Int64?, doneOn: LocalDate, refresherMonths: Int) {
            self.learnerId = learnerId
            self.agencyId = agencyId
            self.doneOn = doneOn
            self.refresherMonths = refresherMonths
        }

        var refresher: RefresherDue { RefresherDue(lastDone: doneOn, refresherMonths: refresherMonths) }
    }

    /// The learners in date on `day`, by the agency recorded on their latest completion (nil: none recorded).
    /// Completions after `day` are not yet made on it. Two on the latest day: the one falling due later counts.
    public static func learnersInDate(_ completions: some Sequence<Completion>, on day: LocalDate) -> [Int64?: Int] {
        var latest: [Int64: Completion] = [:]
        for completion in completions where completion.doneOn <= day {
            if let held = latest[completion.learnerId],
               (held.doneOn, held.refresher.dueOn, held.agencyId ?? -1) >= (completion.doneOn, completion.refresher.dueOn, completion.agencyId ?? -1) {
                continue
            }
            latest[completion.learnerId] = completion
        }
        var inDate: [Int64?: Int] = [:]
        for completion in latest.values where completion.refresher.isInDate(on: day) {
            inDate[completion.agencyId, default: 0] += 1
        }
        return inDate
    }

    /// Learners in date ÷ declared workforce; nil without a workforce (or one of none).
    public static func share(inDate: Int, workforce: Int?) -> Double? {
        guard let workforce, workforce > 0 else { return nil }
        return Double(inDate) / Double(workforce)
    }

    /// The partnership's figure for the Summary: the learners in date of every agency that declared a
    /// workforce ÷ those workforces added up; nil when no agency declared one.
    public static func partnershipShare(_ lines: [TakeUpLine]) -> Double? {
        let counted = lines.filter { ($0.workforce ?? 0) > 0 }
        return share(inDate: counted.reduce(0) { $0 + $1.foundationInDate }, workforce: counted.reduce(0) { $0 + ($1.workforce ?? 0) })
    }
}
