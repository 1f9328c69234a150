import Foundation

/// Everything the partnership holds about one person, gathered for a subject access request (UK GDPR
/// article 15; issue 10) in a form a data-protection officer can send as it is: one section per kind of
/// record, each a table with its columns explained. It names no one else: where a record involves another
/// learner (a substitution) it says so without saying who.
public struct SubjectAccessRecord: Sendable, Equatable, Encodable {
    /// The email the request was made for.
    public var email: String
    /// When it was gathered, as a London wall-clock time.
    public var gatheredAt: String
    public var sections: [PersonalDataSection]

    public init(email: String, gatheredAt: String, sections: [PersonalDataSection]) {
        self.email = email
        self.gatheredAt = gatheredAt
        self.sections = sections
    }

    /// The record as indented JSON with sorted keys, each row an object keyed by its column names.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// One kind of record about a person (their bookings, say): a title, what it is, and its rows.
public struct PersonalDataSection: Sendable, Equatable, Encodable {
    /// Short enough to name a worksheet (31 characters at most).
    public var title: String
    /// One sentence saying what these records are and why they are kept.
    public var explanation: String
    public var columns: [String]
    public var rows: [[PersonalDataValue]]

    public init(title: String, explanation: String, columns: [String], rows: [[PersonalDataValue]]) {
        self.title = title
        self.explanation = explanation
        self.columns = columns
        self.rows = rows
    }

    enum CodingKeys: String, CodingKey { case title, explanation, rows }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(explanation, forKey: .explanation)
        let objects = rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row)) }
        try container.encode(objects, forKey: .rows)
    }
}

/// One value of a personal-data record: text, a whole number, or nothing recorded.
public enum PersonalDataValue: Sendable, Equatable, Encodable {
    case text(String)
    case number(Int)
    case none

    /// Text when there is some, else nothing recorded.
    public static func optional(_ text: String?) -> PersonalDataValue { text.map(PersonalDataValue.text) ?? .none }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .none: try container.encodeNil()
        }
    }
}
