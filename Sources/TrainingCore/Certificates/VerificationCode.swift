/// The code printed on a certificate, by which anyone holding it can check the certificate at
/// `<base-url>/verify/CODE` (issue 22). Twelve characters drawn at random from 32 that cannot be taken for
/// one another (no 0 or O, no 1 or I), shown in groups of four: `ABCD-EFGH-JKLM`. That is 60 random bits,
/// so codes cannot be guessed one after another. Read back ignoring case, with or without the dashes.
public struct VerificationCode: Sendable, Hashable, CustomStringConvertible {
    /// The characters a code is made of.
    public static let alphabet: [Character] = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    /// How many characters a code has, and in groups of how many it is shown.
    public static let length = 12
    public static let groupLength = 4

    /// The code as it is shown and stored: `ABCD-EFGH-JKLM`.
    public let description: String

    /// The code someone typed or a link holds: any case, dashes and spaces anywhere or nowhere. Nil when it
    /// cannot be a code (another character, or another length).
    public init?(_ typed: String) {
        guard typed.utf8.count <= 100 else { return nil }
        let characters = typed.uppercased().filter { $0 != "-" && !$0.isWhitespace }
        guard characters.count == Self.length, characters.allSatisfy(Self.alphabet.contains) else { return nil }
        self.init(characters: Array(characters))
    }

    /// A fresh code from `generator` (the system's, which is cryptographically secure, unless a test gives another).
    public init<Generator: RandomNumberGenerator>(using generator: inout Generator) {
        self.init(characters: (0..<Self.length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "A" })
    }

    /// A fresh code from the system's secure random numbers.
    public static func random() -> VerificationCode {
        var generator = SystemRandomNumberGenerator()
        return VerificationCode(using: &generator)
    }

    private init(characters: [Character]) {
        description = stride(from: 0, to: characters.count, by: Self.groupLength)
            .map { String(characters[$0..<min($0 + Self.groupLength, characters.count)]) }
            .joined(separator: "-")
    }

    /// Where the certificate is checked: `<base-url>/verify/ABCD-EFGH-JKLM`.
    public func address(baseURL: String) -> String {
        "\(baseURL)/verify/\(description)"
    }

    /// A SQL GLOB pattern every stored code matches.
    public static var globPattern: String {
        let one = "[" + String(alphabet) + "]"
        return Array(repeating: String(repeating: one, count: groupLength), count: length / groupLength).joined(separator: "-")
    }
}
