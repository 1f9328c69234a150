/// A mailbox as a message's header names it: an optional display name and an address the relay will
/// take (RFC 5321 and 5322: ASCII, a dot-atom before the `@`, a host name after it).
///
/// The address is checked more strictly than a learner's `EmailAddress` is when it is recorded, because
/// this is what a mail server reads: an address it cannot take is a typed refusal before anything is sent,
/// not a rejection from the server afterwards.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The name shown beside the address, on one line; nil when there is none.
    public let name: String?
    public let address: String

    /// Refuses an address a mail server would not take; the name is kept on one line, and dropped when blank.
    public init(_ address: String, name: String? = nil) throws(MailAddressError) {
        let trimmed = address.trimmingWhiteSpace()
        try Self.check(trimmed)
        self.address = trimmed
        let line = name.map(HeaderText.singleLine) ?? ""
        self.name = line.isEmpty ? nil : line
    }

    /// The part after the `@`, lower-cased.
    public var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@") ?? address.startIndex)...]).lowercased()
    }

    /// How a header writes it, unfolded: `"Siân Ó Briain" <sian@example.org>` with the name quoted, or
    /// encoded as RFC 2047 words when it is not plain ASCII; the bare address when there is no name.
    public var description: String { headerWords.joined(separator: " ") }

    /// The words a header folds between.
    var headerWords: [String] {
        guard let name else { return [address] }
        let quoted = "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let quotedWords = HeaderText.words(quoted, headerName: "Reply-To")
        let isPlain = quotedWords.first?.hasPrefix("\"") == true
        return (isPlain ? quotedWords : HeaderText.encodedWords(name)) + ["<\(address)>"]
    }

    /// The words of a list of addresses, a comma after each but the last.
    static func listWords(_ addresses: [MailAddress]) -> [String] {
        addresses.enumerated().flatMap { index, mailbox in
            var words = mailbox.headerWords
            if index < addresses.count - 1, let last = words.popLast() { words.append(last + ",") }
            return words
        }
    }

    static let atomCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
    static let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)

    static func check(_ address: String) throws(MailAddressError) {
        guard !address.isEmpty else { throw .empty }
        guard address.utf8.allSatisfy({ $0 < 0x80 }) else { throw .notASCII(address) }
        guard address.utf8.count <= 254 else { throw .tooLong(address) }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .notOneAt(address) }
        let local = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard parts[0].utf8.count <= 64,
              local.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(atomCharacters.contains) }) else { throw .badLocalPart(address) }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ label in
            (1...63).contains(label.utf8.count) && label.utf8.allSatisfy(hostCharacters.contains)
                && label.first != "-" && label.last != "-"
        }) else { throw .badDomain(address) }
    }
}

/// Why an address cannot be put in a message's header.
public enum MailAddressError: Error, Sendable, Hashable, UserFacingError {
    case empty
    /// Only ASCII addresses are sent: a relay is not asked for SMTPUTF8.
    case notASCII(String)
    case tooLong(String)
    case notOneAt(String)
    /// The part before the `@` is not dot-separated words of the characters RFC 5322 allows unquoted.
    case badLocalPart(String)
    /// The part after the `@` is not a host name.
    case badDomain(String)

    public var errorDescription: String? {
        switch self {
        case .empty: "an email address is required"
        case .notASCII(let address): "'\(address)' cannot be sent to: the mail server takes only addresses in plain ASCII"
        case .tooLong(let address): "'\(address)' is longer than the 254 characters an email address may have"
        case .notOneAt(let address): "'\(address)' is not an email address: it needs exactly one @"
        case .badLocalPart(let address): "'\(address)' is not an email address: the part before the @ has a character or a dot out of place"
        case .badDomain(let address): "'\(address)' is not an email address: the part after the @ is not a host name"
        }
    }
}
