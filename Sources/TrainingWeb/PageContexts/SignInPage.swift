/// The sign-in page: a notice (signed out, or timed out) and the email typed so far.
struct SignInPage: Encodable, Sendable {
    var notice: String?
    var values: [String: String] = [:]
}
