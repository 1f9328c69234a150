/// No learner has the email asked for.
public struct UnknownLearner: Error, Sendable, Hashable, UserFacingError {
    public var email: String

    public init(email: String) { self.email = email }

    public var errorDescription: String? { "no learner has the email \(email)" }
}
