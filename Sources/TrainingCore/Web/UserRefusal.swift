/// Why a change to who may sign in was refused (DOMAIN.md, "The people": a booker books for one agency).
public enum UserRefusal: Error, Sendable, Hashable, UserFacingError {
    /// A booker was added with no agency.
    case bookerNeedsAgency
    /// No user has the email, asked of one whose access is to change.
    case unknownUser(email: String)
    /// No user has the email, asked of one whose password is to be set.
    case noUserForPassword(email: String)

    public var errorDescription: String? {
        switch self {
        case .bookerNeedsAgency: "a booker books for one agency"
        case .unknownUser(let email), .noUserForPassword(let email): "there is no user with the email \(email)"
        }
    }
}
