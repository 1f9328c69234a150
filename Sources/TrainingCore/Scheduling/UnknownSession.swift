/// No session has the number asked for.
public struct UnknownSession: Error, Sendable, Hashable, UserFacingError {
    public var session: Int64

    public init(_ session: Int64) { self.session = session }

    public var errorDescription: String? { "there is no session \(session)" }
}
