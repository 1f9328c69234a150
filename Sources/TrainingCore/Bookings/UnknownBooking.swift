/// No booking has the number asked for.
public struct UnknownBooking: Error, Sendable, Hashable, UserFacingError {
    public var booking: Int64

    public init(_ booking: Int64) { self.booking = booking }

    public var errorDescription: String? { "there is no booking \(booking)" }
}
