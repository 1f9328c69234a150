/// A closed list of words the system accepts for one field, read case-insensitively with spaces,
/// hyphens and underscores treated alike, and refused with the list of what is accepted.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// What the field is called in messages ("level", "sector").
    static var fieldName: String { get }
    /// Extra spellings people write for a value (e.g. "f2f" for face-to-face).
    static var aliases: [String: Self] { get }
}

extension Vocabulary {
    public static var aliases: [String: Self] { [:] }

    static func key(_ text: String) -> String {
        String(text.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
            .trimmingSpaces()
    }

    /// Reads a value, accepting any case and spaces or underscores for hyphens.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> Self {
        // The word exactly as stored, as exports and the demo write it, needs no normalising (raw values are
        // distinct after normalising, so this is the match the search below would find).
        if let exact = Self(rawValue: text) { return exact }
        let wanted = key(text.trimmingSpaces())
        if let match = allCases.first(where: { key($0.rawValue) == wanted }) { return match }
        if let alias = aliases.first(where: { key($0.key) == wanted }) { return alias.value }
        let accepted = allCases.map(\.rawValue).joined(separator: ", ")
        let shown = text.trimmingSpaces()
        let what = shown.isEmpty ? "no \(fieldName) given" : "unknown \(fieldName) '\(shown)'"
        throw InputError("\(what) (expected one of: \(accepted))", at: location)
    }
}

extension Vocabulary where Self: CustomStringConvertible {
    /// A word of the vocabulary reads as it is stored and accepted, so a message or a table interpolating it
    /// shows "face-to-face", never the case's name.
    public var description: String { rawValue }
}

/// How deep a course goes (DOMAIN.md, "course"). Reports list levels in this order.
public enum CourseLevel: String, Vocabulary, Comparable, Codable, CustomStringConvertible {
    case foundation, intermediate, advanced
    public static let fieldName = "level"

    public static func < (lhs: CourseLevel, rhs: CourseLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a course or one session of it is delivered.
public enum DeliveryMode: String, Vocabulary, Codable, CustomStringConvertible {
    case faceToFace = "face-to-face"
    case virtual
    case eLearning = "e-learning"
    case conference
    public static let fieldName = "delivery"
    public static let aliases: [String: DeliveryMode] = [
        "f2f": .faceToFace, "face to face": .faceToFace, "classroom": .faceToFace, "in person": .faceToFace,
        "online": .virtual, "elearning": .eLearning, "online module": .eLearning,
    ]
}

/// How bookings, licences and learners with no agency recorded are shown and counted: under this name,
/// never dropped, so every breakdown adds up to its total (DOMAIN.md, "Attendance").
public let agencyNotRecorded = "Agency not recorded"

/// The sector a partner agency belongs to (DOMAIN.md, "agency").
public enum Sector: String, Vocabulary, Codable {
    case localAuthority = "Local Authority"
    case health = "Health"
    case police = "Police"
    case education = "Education"
    case earlyYears = "Early Years"
    case voluntaryAndCommunity = "Voluntary & Community"
    case privateSector = "Private"
    case probation = "Probation"
    case housing = "Housing"
    case justice = "Justice"
    case partnership = "Partnership"
    case other = "Other"
    public static let fieldName = "sector"
    public static let aliases: [String: Sector] = [
        "Voluntary and Community": .voluntaryAndCommunity, "Voluntary": .voluntaryAndCommunity,
        "VCS": .voluntaryAndCommunity, "LA": .localAuthority, "NHS": .health,
    ]
}

/// What a person who signs in to the web application may do: the officer runs the programme, a booker
/// books for one agency and sees nothing of any other, a board member reads the figures.
public enum UserRole: String, Vocabulary, Codable {
    case officer, booker, board
    public static let fieldName = "role"
}
