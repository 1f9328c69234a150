/// What the relay said it can do in its reply to EHLO (RFC 5321 4.1.1.1): one keyword a line after the
/// greeting line, with its parameters.
struct SMTPCapabilities: Sendable, Hashable {
    private var keywords: [String: [String]] = [:]

    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            // "AUTH=PLAIN LOGIN" is the form some older servers use beside "AUTH PLAIN LOGIN".
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.uppercased() }
            guard let keyword = words.first else { continue }
            keywords[keyword, default: []].append(contentsOf: words.dropFirst())
        }
    }

    func offers(_ keyword: String) -> Bool { keywords[keyword] != nil }

    /// The AUTH mechanisms offered, upper case.
    var authMechanisms: [String] { keywords["AUTH"] ?? [] }
}
