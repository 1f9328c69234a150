/// A name that matches no agency of the partnership (DOMAIN.md, "agency"), with where it was given (an
/// option, a form's field, a file's line). The plain wording names the agency; the command line adds where
/// the agency list is.
public struct UnknownAgency: Error, Sendable, Hashable, UserFacingError {
    public var name: String
    public var location: InputLocation

    public init(name: String, at location: InputLocation) {
        self.name = name
        self.location = location
    }

    public var errorDescription: String? { "unknown agency '\(name)'" }
}

/// Why an import of learners was refused.
public enum LearnerImportRefusal: Error, Sendable, Hashable, UserFacingError {
    /// A learner with the email is held already, under `takenBy`, with other details: changed only when the
    /// import is told to update existing learners.
    case heldWithOtherDetails(email: String, takenBy: String, at: InputLocation)

    public var errorDescription: String? {
        switch self {
        case .heldWithOtherDetails(let email, let name, _): "the email \(email) is already taken by \(name) with other details"
        }
    }
}
