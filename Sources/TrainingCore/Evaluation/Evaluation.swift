import Foundation

/// How much a learner says their knowledge and skills improved (DOMAIN.md, "evaluation").
public enum KnowledgeGain: String, Vocabulary, Codable, CaseIterable {
    case aLot = "a-lot"
    case aLittle = "a-little"
    case notAtAll = "not-at-all"
    public static let fieldName = "knowledge"
}

/// Whether the learning was used in practice, asked at follow-up.
public enum UsedInPractice: String, Vocabulary, Codable, CaseIterable {
    case yes, partly, no
    public static let fieldName = "used in practice"
}

/// The longest free-text answer kept (DOMAIN.md and the evaluation issue: up to 4,000 characters).
public let maximumAnswerLength = TextField.answer.limit

/// Checks a free-text answer: kept exactly as written (any script, emoji), empty means no answer.
func freeText(_ text: String?, field: String, at location: InputLocation) throws -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
    // Counted as Unicode code points, as the database counts them: a flag emoji is two.
    return try StoredText.check(text, as: .answer, at: location.field(field), name: "the answer")
}

/// A learner's post-course evaluation.
public struct EvaluationAnswers: Sendable, Hashable {
    public var satisfaction: Int
    public var knowledge: KnowledgeGain
    public var confidenceBefore: Int?
    public var confidenceAfter: Int?
    public var bestPart: String?
    public var practiceChange: String?
    public var improve: String?

    /// Validates every answer, naming the field that is wrong.
    public init(satisfaction: Int, knowledge: KnowledgeGain, confidenceBefore: Int?, confidenceAfter: Int?,
                bestPart: String?, practiceChange: String?, improve: String?, at location: InputLocation = InputLocation()) throws {
        guard (1...5).contains(satisfaction) else {
            throw InputError("satisfaction is 1 to 5, not \(satisfaction)", at: location.field("satisfaction"))
        }
        for (name, value) in [("confidence_before", confidenceBefore), ("confidence_after", confidenceAfter)] {
            if let value, !(1...10).contains(value) {
                throw InputError("confidence is 1 to 10, not \(value)", at: location.field(name))
            }
        }
        self.satisfaction = satisfaction
        self.knowledge = knowledge
        self.confidenceBefore = confidenceBefore
        self.confidenceAfter = confidenceAfter
        self.bestPart = try freeText(bestPart, field: "best_part", at: location)
        self.practiceChange = try freeText(practiceChange, field: "practice_change", at: location)
        self.improve = try freeText(improve, field: "improve", at: location)
    }

    /// Satisfaction 4 or 5 (DOMAIN.md, "Evaluation").
    public var isSatisfied: Bool { Self.isSatisfied(score: satisfaction) }

    /// Whether a satisfaction score counts as satisfied: 4 or 5 (DOMAIN.md, "Evaluation").
    public static func isSatisfied(score: Int) -> Bool { score >= 4 }
}

/// A learner's follow-up, months after the course.
public struct FollowUpAnswers: Sendable, Hashable {
    public var used: UsedInPractice
    public var example: String?
    /// Perceived difference for children and families, 1 to 5.
    public var difference: Int?
    public var barriers: String?

    public init(used: UsedInPractice, example: String?, difference: Int?, barriers: String?,
                at location: InputLocation = InputLocation()) throws {
        if let difference, !(1...5).contains(difference) {
            throw InputError("the difference made is 1 to 5, not \(difference)", at: location.field("difference"))
        }
        self.used = used
        self.example = try freeText(example, field: "example", at: location)
        self.difference = difference
        self.barriers = try freeText(barriers, field: "barriers", at: location)
    }
}

/// One evaluation from a previous system (`training import evaluations`).
public struct HistoricalEvaluation: Sendable {
    public var line: Int
    public var sessionReference: String
    public var learnerEmail: String
    public var submittedOn: LocalDate
    public var answers: EvaluationAnswers

    public init(line: Int, sessionReference: String, learnerEmail: String, submittedOn: LocalDate, answers: EvaluationAnswers) {
        self.line = line
        self.sessionReference = sessionReference
        self.learnerEmail = learnerEmail
        self.submittedOn = submittedOn
        self.answers = answers
    }
}

/// The four Kirkpatrick levels for one group of attended bookings. Percentages are shares of responses
/// (0...1), always read beside the response rate. Groups too small to read are decided by `SmallGroup`.
public struct ImpactFigures: Sendable, Equatable {

    public var attended: Int
    public var responses: Int
    /// responses ÷ attended.
    public var responseRate: Double?
    // L1 reaction
    public var satisfied: Int
    /// Responses giving each satisfaction score, index 0 for a score of 1.
    public var satisfactionDistribution: [Int]
    public var satisfiedShare: Double?
    // L2 learning
    public var knowledge: [KnowledgeGain: Int]
    public var meanConfidenceBefore: Double?
    public var meanConfidenceAfter: Double?
    public var meanConfidenceShift: Double?
    /// Of those who gave both scores, the share whose confidence rose.
    public var confidenceRoseShare: Double?
    // L3 behaviour
    public var followUps: Int
    /// follow-ups ÷ attended.
    public var followUpRate: Double?
    public var used: [UsedInPractice: Int]
    // L4 results
    public var meanDifference: Double?

    /// Fewer evaluations than can be read without identifying people or over-reading noise (`SmallGroup`):
    /// no satisfaction, knowledge or confidence figure, nor the distribution of scores, is shown.
    public var isTooSmall: Bool { SmallGroup.isTooSmall(responses: responses) }

    /// Fewer follow-ups than can be read (`SmallGroup`): no use in practice or difference made is shown.
    public var followUpsTooSmall: Bool { SmallGroup.isTooSmall(responses: followUps) }

    public func knowledgeShare(_ gain: KnowledgeGain) -> Double? {
        responses == 0 ? nil : Double(knowledge[gain, default: 0]) / Double(responses)
    }

    public func usedShare(_ answer: UsedInPractice) -> Double? {
        followUps == 0 ? nil : Double(used[answer, default: 0]) / Double(followUps)
    }

    /// Works out the figures from the answers of one group.
    public static func compute(attended: Int, evaluations: [EvaluationAnswers], followUps: [FollowUpAnswers]) -> ImpactFigures {
        var tally = ImpactTally(attended: attended)
        for answers in evaluations { tally.add(answers) }
        for answers in followUps { tally.add(answers) }
        return ImpactFigures(tally)
    }
}

extension ImpactFigures {
    /// Works out the figures from a group's tally: shares of responses, means of the scores given.
    public init(_ tally: ImpactTally) {
        func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        func mean(_ sum: ImpactTally.Sum) -> Double? { sum.count == 0 ? nil : Double(sum.total) / Double(sum.count) }
        let satisfied = (1...5).filter { EvaluationAnswers.isSatisfied(score: $0) }.reduce(0) { $0 + tally.satisfaction[$1 - 1] }
        self.init(
            attended: tally.attended, responses: tally.responses, responseRate: share(tally.responses, tally.attended),
            satisfied: satisfied, satisfactionDistribution: tally.satisfaction, satisfiedShare: share(satisfied, tally.responses),
            knowledge: tally.knowledge,
            meanConfidenceBefore: mean(tally.confidenceBefore), meanConfidenceAfter: mean(tally.confidenceAfter),
            meanConfidenceShift: mean(tally.confidenceShift), confidenceRoseShare: share(tally.confidenceRose, tally.confidenceShift.count),
            followUps: tally.followUps, followUpRate: share(tally.followUps, tally.attended), used: tally.used,
            meanDifference: mean(tally.difference))
    }
}

/// What the impact figures of a group are worked out from: how many attended, how many gave each answer,
/// and the sums of the scores. Tallies add up, so a database can count a year's answers by course or by
/// agency and the figures of any larger group (a level, a sector, all courses) are the sum of its parts.
public struct ImpactTally: Sendable, Equatable {
    /// How many scores were given and what they add up to.
    public struct Sum: Sendable, Equatable {
        public var count = 0
        public var total = 0

        public init(count: Int = 0, total: Int = 0) {
            self.count = count
            self.total = total
        }

        mutating func add(_ value: Int?) {
            guard let value else { return }
            count += 1
            total += value
        }

        static func + (lhs: Sum, rhs: Sum) -> Sum { Sum(count: lhs.count + rhs.count, total: lhs.total + rhs.total) }
    }

    public var attended: Int
    /// Evaluations given.
    public var responses = 0
    /// Evaluations giving each satisfaction score, index 0 for a score of 1.
    public var satisfaction = [0, 0, 0, 0, 0]
    public var knowledge: [KnowledgeGain: Int] = [:]
    public var confidenceBefore = Sum()
    public var confidenceAfter = Sum()
    /// After minus before, of the evaluations that gave both.
    public var confidenceShift = Sum()
    /// Of the evaluations that gave both, those whose confidence rose.
    public var confidenceRose = 0
    public var followUps = 0
    public var used: [UsedInPractice: Int] = [:]
    public var difference = Sum()

    public init(attended: Int = 0) { self.attended = attended }

    public mutating func add(_ answers: EvaluationAnswers) {
        responses += 1
        satisfaction[answers.satisfaction - 1] += 1
        knowledge[answers.knowledge, default: 0] += 1
        confidenceBefore.add(answers.confidenceBefore)
        confidenceAfter.add(answers.confidenceAfter)
        if let before = answers.confidenceBefore, let after = answers.confidenceAfter {
            confidenceShift.add(after - before)
            if after > before { confidenceRose += 1 }
        }
    }

    public mutating func add(_ answers: FollowUpAnswers) {
        followUps += 1
        used[answers.used, default: 0] += 1
        difference.add(answers.difference)
    }

    public static func + (lhs: ImpactTally, rhs: ImpactTally) -> ImpactTally {
        var sum = lhs
        sum.attended += rhs.attended
        sum.responses += rhs.responses
        sum.satisfaction = zip(lhs.satisfaction, rhs.satisfaction).map(+)
        sum.knowledge.merge(rhs.knowledge, uniquingKeysWith: +)
        sum.confidenceBefore = lhs.confidenceBefore + rhs.confidenceBefore
        sum.confidenceAfter = lhs.confidenceAfter + rhs.confidenceAfter
        sum.confidenceShift = lhs.confidenceShift + rhs.confidenceShift
        sum.confidenceRose += rhs.confidenceRose
        sum.followUps += rhs.followUps
        sum.used.merge(rhs.used, uniquingKeysWith: +)
        sum.difference = lhs.difference + rhs.difference
        return sum
    }
}

/// A share written as a whole percentage, halves rounded up: 0.5587 → "56%".
public func percentText(_ share: Double?) -> String {
    guard let share else { return "–" }
    return "\(wholePercent(share))%"
}
