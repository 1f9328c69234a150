/// Why the catalogue cannot do as asked with a course.
public enum CatalogueRefusal: Error, Sendable, Hashable, UserFacingError {
    /// No course has the title; `near` are titles that share a word with it, for a suggestion.
    case unknownCourse(title: String, near: [String])
    case alreadyActive(title: String)
    case alreadyRetired(title: String)

    public var errorDescription: String? {
        switch self {
        case .unknownCourse(let title, let near):
            "no course is titled '\(title)'" + (near.isEmpty ? "" : " (did you mean: \(near.joined(separator: "; "))?)")
        case .alreadyActive(let title): "'\(title)' is already in the catalogue"
        case .alreadyRetired(let title): "'\(title)' is already retired"
        }
    }

    /// The value the refusal is about: the course.
    public var location: InputLocation { InputLocation(field: "course") }
}
