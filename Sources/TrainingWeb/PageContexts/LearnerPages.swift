import TrainingCore

/// A point of a numbered scale (satisfaction 1 to 5, confidence 1 to 10), checked when it was the answer.
struct ScalePoint: Encodable, Sendable {
    var value: Int
    var checked: Bool

    static func scale(_ range: ClosedRange<Int>, answer: String?) -> [ScalePoint] {
        range.map { ScalePoint(value: $0, checked: answer == String($0)) }
    }
}

/// An answer chosen by a radio button, with its words.
struct AnswerOption: Encodable, Sendable {
    var value: String
    var label: String
    var checked: Bool
}

/// The learner's evaluation of a session, from their personal link.
struct EvaluationPage: Encodable, Sendable {
    var token: String
    var date: String
    var values: [String: String]
    var satisfaction: [ScalePoint]
    var knowledge: [AnswerOption]
    var before: [ScalePoint]
    var after: [ScalePoint]

    init(token: String, date: LocalDate, values: [String: String]) {
        self.token = token
        self.date = date.description
        self.values = values
        satisfaction = ScalePoint.scale(1...5, answer: values["satisfaction"])
        knowledge = KnowledgeGain.allCases.map {
            AnswerOption(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
                         checked: values["knowledge"] == $0.rawValue)
        }
        before = ScalePoint.scale(1...10, answer: values["confidence_before"])
        after = ScalePoint.scale(1...10, answer: values["confidence_after"])
    }
}

/// The learner's follow-up, months after the session.
struct FollowUpPage: Encodable, Sendable {
    var token: String
    var date: String
    var values: [String: String]
    var used: [AnswerOption]
    var difference: [ScalePoint]

    init(token: String, date: LocalDate, values: [String: String]) {
        self.token = token
        self.date = date.description
        self.values = values
        used = UsedInPractice.allCases.map { AnswerOption(value: $0.rawValue, label: $0.rawValue.capitalizedFirst, checked: values["used"] == $0.rawValue) }
        difference = ScalePoint.scale(1...5, answer: values["difference"])
    }
}
