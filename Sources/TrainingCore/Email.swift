import Foundation

/// An email address as a person typed it (trimmed). Two addresses are the same person when they match
/// ignoring case (DOMAIN.md: learner email is unique, case-insensitive).
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// As written, without surrounding spaces.
    public let text: String

    /// The form used for comparison: lower-cased.
    public var normalised: String { text.lowercased() }

    public init(_ raw: String, at location: InputLocation = InputLocation()) throws {
        let trimmed = raw.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { throw InputError("an email address is required", at: location) }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" }),
              trimmed.count <= 254 else {
            throw InputError("'\(trimmed)' is not an email address", at: location)
        }
        self.text = trimmed
    }

    public static func == (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.normalised == rhs.normalised }
    public func hash(into hasher: inout Hasher) { hasher.combine(normalised) }

    public var description: String { text }
}
