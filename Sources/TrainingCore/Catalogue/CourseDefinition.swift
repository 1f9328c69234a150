/// One entry of the course catalogue as the officer writes it (DOMAIN.md, "course").
public struct CourseDefinition: Sendable, Hashable, Codable {
    public var title: String
    public var level: CourseLevel
    public var delivery: DeliveryMode
    public var duration: CourseDuration
    /// Default places per session.
    public var capacity: Int
    /// Below this many bookings a session is at risk of cancellation for low numbers.
    public var minimumNumbers: Int
    /// Months after which a learner should take the course again, when it has a refresher.
    public var refresherMonths: Int?
    /// Titles of courses a learner must have attended (or, for e-learning, completed) first.
    public var prerequisites: [String]
    public var isActive: Bool
    public var summary: String
    public var outcomes: [String]

    public init(title: String, level: CourseLevel, delivery: DeliveryMode, duration: CourseDuration,
                capacity: Int, minimumNumbers: Int, refresherMonths: Int? = nil, prerequisites: [String] = [],
                isActive: Bool = true, summary: String = "", outcomes: [String] = []) {
        self.title = title
        self.level = level
        self.delivery = delivery
        self.duration = duration
        self.capacity = capacity
        self.minimumNumbers = minimumNumbers
        self.refresherMonths = refresherMonths
        self.prerequisites = prerequisites
        self.isActive = isActive
        self.summary = summary
        self.outcomes = outcomes
    }

    public static let maximumTitleLength = 200
    public static let maximumCapacity = 1000

    /// Checks the rules that involve one course alone. `location` says where each field was written.
    public func validate(locating location: (String) -> InputLocation) throws {
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmedTitle.isEmpty else { throw InputError("a course needs a title", at: location("title")) }
        guard trimmedTitle.count <= Self.maximumTitleLength else {
            throw InputError("the title is \(trimmedTitle.count) characters long; the most is \(Self.maximumTitleLength)",
                             at: location("title"))
        }
        // Every text the course keeps is storable text (StoredText, issue 16).
        try StoredText.check(trimmedTitle, as: .name, at: location("title"), name: "the title")
        for prerequisite in prerequisites {
            try StoredText.check(prerequisite, as: .name, at: location("prerequisites"), name: "a prerequisite")
        }
        try StoredText.check(summary, as: .description, at: location("description"), name: "the description")
        for outcome in outcomes {
            try StoredText.check(outcome, as: .outcome, at: location("outcomes"), name: "a learning outcome")
        }
        guard (1...Self.maximumCapacity).contains(capacity) else {
            throw InputError("capacity must be between 1 and \(Self.maximumCapacity), not \(capacity)", at: location("capacity"))
        }
        guard minimumNumbers >= 0 else {
            throw InputError("minimum numbers cannot be negative", at: location("minimum"))
        }
        guard minimumNumbers <= capacity else {
            throw InputError("minimum numbers (\(minimumNumbers)) cannot be more than the capacity (\(capacity))",
                             at: location("minimum"))
        }
        if let refresherMonths, !(1...240).contains(refresherMonths) {
            throw InputError("a refresher interval is between 1 and 240 months, not \(refresherMonths)",
                             at: location("refresher_months"))
        }
        if prerequisites.contains(where: { $0.caseInsensitiveCompare(trimmedTitle) == .orderedSame }) {
            throw InputError("'\(trimmedTitle)' cannot be its own prerequisite", at: location("prerequisites"))
        }
    }
}

/// Rules that involve the catalogue as a whole.
public enum CatalogueRules {
    /// Finds a cycle in prerequisites (A needs B needs A), which would make both courses impossible to book.
    /// `prerequisites` maps a lower-cased title to the lower-cased titles it requires.
    /// Returns the titles on the cycle, in order, or nil when there is none.
    public static func prerequisiteCycle(in prerequisites: [String: [String]]) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path; true: finished
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if let done = state[node] {
                if done { return nil }
                let start = path.firstIndex(of: node)!
                return Array(path[start...]) + [node]
            }
            state[node] = false
            path.append(node)
            for next in prerequisites[node, default: []] {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[node] = true
            return nil
        }
        for node in prerequisites.keys.sorted() {
            if let cycle = visit(node) { return cycle }
        }
        return nil
    }
}

/// A course definition together with where each of its fields was written, so the store can report a
/// problem it finds (an unknown prerequisite, a duplicate title) at the right file and line.
public struct CatalogueEntry: Sendable {
    public var definition: CourseDefinition
    public var file: String
    /// The line the entry starts on.
    public var line: Int
    /// The line of each field that was written, by field name.
    public var fieldLines: [String: Int]

    public init(definition: CourseDefinition, file: String, line: Int, fieldLines: [String: Int] = [:]) {
        self.definition = definition
        self.file = file
        self.line = line
        self.fieldLines = fieldLines
    }

    /// Where `field` was written (the entry's first line when the field was left out).
    public func location(_ field: String) -> InputLocation {
        InputLocation(file: file, line: fieldLines[field] ?? line, field: field)
    }
}
