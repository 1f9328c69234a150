/// The values of a part's `Content-Type` and `Content-Disposition` headers that come from outside: an
/// attachment's type and file name, kept to what a header can carry within its line limits.
enum MIMEParameters {
    /// RFC 2045's token characters: printable ASCII but for spaces and `()<>@,;:\"/[]?=`.
    static let tokenCharacters = Set((0x21...0x7E).map(UInt8.init)).subtracting(Set("()<>@,;:\\\"/[]?=".utf8))
    /// RFC 2231's attribute characters, which a percent-encoded value writes as they are.
    static let attributeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)

    /// `type/subtype` as given when it is one, else `application/octet-stream`.
    static func contentType(_ given: String) -> String {
        let parts = given.trimmingWhiteSpace().split(separator: "/", omittingEmptySubsequences: false)
        let isType = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.count <= 100 && $0.utf8.allSatisfy(tokenCharacters.contains) }
        return isType ? parts.joined(separator: "/") : "application/octet-stream"
    }

    /// `Content-Disposition: attachment; filename="..."`, the name quoted when it is ASCII and fits, else
    /// in RFC 2231's form (`filename*=UTF-8''%C3%A9...`), cut into numbered pieces when it is long, so no
    /// line passes 78 characters.
    static func attachmentDisposition(filename: String) -> String {
        let line = HeaderText.singleLine(filename).replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        let name = line.isEmpty ? "attachment" : line
        let lead = "Content-Disposition: attachment;"
        if name.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            let quoted = "filename=\"\(name.replacingOccurrences(of: "\"", with: "'"))\""
            if lead.utf8.count + 1 + quoted.utf8.count <= HeaderText.preferredLineLength { return "\(lead) \(quoted)" }
            if 1 + quoted.utf8.count <= HeaderText.preferredLineLength { return "\(lead)\r\n \(quoted)" }
        }
        let encoded = name.utf8.map { attributeCharacters.contains($0) ? String(UnicodeScalar($0)) : QuotedPrintable.escape($0).replacingOccurrences(of: "=", with: "%") }
        let whole = "filename*=UTF-8''" + encoded.joined()
        if 1 + whole.utf8.count <= HeaderText.preferredLineLength { return "\(lead)\r\n \(whole)" }
        return lead + pieces(of: encoded).enumerated().map { index, piece in
            "\r\n filename*\(index)*=" + (index == 0 ? "UTF-8''" : "") + piece
        }.joined(separator: ";")
    }

    /// The encoded name cut between its characters' escapes into pieces that fit a line with their
    /// parameter name (` filename*12*=` and the first piece's `UTF-8''`) and a `;`.
    static func pieces(of encoded: [String]) -> [String] {
        let room = HeaderText.preferredLineLength - " filename*99*=UTF-8'';".utf8.count
        var pieces: [String] = []
        var piece = ""
        for unit in encoded {
            if piece.utf8.count + unit.utf8.count > room {
                pieces.append(piece)
                piece = ""
            }
            piece += unit
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }
}
