import Foundation

/// An email address as a person typed it (trimmed). Two addresses are the same person when they match
/// ignoring case (DOMAIN.md: learner email is unique, case-insensitive).
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// As written, without surrounding spaces.
    public let text: String

    /// The form used for comparison: lower-cased, worked out once (addresses are hashed a million times
    /// over in a large history import).
    public let normalised: String

    public init(_ raw: String, at location: InputLocation = InputLocation()) throws {
        let trimmed = raw.trimmingWhiteSpace()
        guard !trimmed.isEmpty else { throw InputError("an email address is required", at: location) }
        guard Self.isPlausible(trimmed) else { throw InputError("'\(trimmed)' is not an email address", at: location) }
        try StoredText.check(trimmed, as: .email, at: location, name: "the email address")
        self.text = trimmed
        self.normalised = trimmed.lowercased()
    }

    /// One `@` with something before it, a dot inside the part after it, no white space, comma, semicolon or
    /// angle bracket, and at most 254 characters.
    static func isPlausible(_ address: String) -> Bool {
        if address.utf8.allSatisfy({ $0 < 0x80 }) {
            // The same test on the bytes of an all-ASCII address, the usual case, without walking characters.
            let bytes = Array(address.utf8)
            guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0,
                  bytes[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil else { return false }
            let domain = bytes[(at + 1)...]
            let dot = UInt8(ascii: ".")
            guard domain.contains(dot), domain.first != dot, domain.last != dot else { return false }
            return !bytes.contains { (0x09...0x0D).contains($0) || $0 == 0x20 || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";")
                                     || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !address.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
            && address.count <= 254
    }

    public static func == (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.normalised == rhs.normalised }
    public func hash(into hasher: inout Hasher) { hasher.combine(normalised) }

    public var description: String { text }
}
