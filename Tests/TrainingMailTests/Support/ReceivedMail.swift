import Foundation

/// A message read back the way a mail client reads it: `scripts/parse-mail` (Python's `email` package,
/// `policy.default`) decodes the headers (RFC 2047) and every leaf part (quoted-printable, base64,
/// charsets). Tests check what arrived through this rather than the text the builder meant to write.
struct ReceivedMail: Decodable {
    /// One header as it appears in the message, in order.
    struct Header: Decodable {
        var name: String
        /// Decoded: encoded words turned back into their text.
        var value: String
        /// As written (unfolded), so a test can see that a header was encoded.
        var raw: String
    }

    /// One leaf part (text, HTML, attachment), in the message's order.
    struct Part: Decodable {
        var contentType: String
        /// The enclosing multiparts' types, outermost first (e.g. multipart/mixed, multipart/alternative).
        var parents: [String]
        /// The Content-Type's parameters: charset, method (text/calendar's REQUEST or CANCEL), name...
        var params: [String: String]
        var filename: String?
        /// attachment, inline or nil.
        var disposition: String?
        var contentTransferEncoding: String?
        /// Text decoded with its charset and \n line ends; for other types, base64 of the bytes.
        var content: String
        var binary: Bool
        /// The decoded size in bytes.
        var size: Int

        /// The decoded bytes, for a binary part (an attachment).
        var bytes: [UInt8] {
            binary ? Data(base64Encoded: content).map { Array($0) } ?? [] : Array(content.utf8)
        }
    }

    /// The top-level Content-Type (e.g. multipart/mixed).
    var contentType: String
    var headers: [Header]
    var parts: [Part]
    /// The longest line of the file without its CRLF (RFC 5322 allows 998).
    var maxLineLength: Int
    /// What Python's parser found wrong, if anything (an empty list for a well-formed message).
    var defects: [String]

    /// The first header of that name (any case), decoded.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Every header of that name (any case), decoded, in order.
    func headers(named name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The first leaf part of that content type (e.g. "text/plain", "text/calendar").
    func part(_ contentType: String) -> Part? {
        parts.first { $0.contentType == contentType }
    }

    /// Reads an .eml file with `scripts/parse-mail`.
    static func parse(_ file: URL) async throws -> ReceivedMail {
        let run = try await runTool(mailTestsPackageRoot.appendingPathComponent("scripts/parse-mail"), [file.path])
        guard run.status == 0 else {
            throw MailTestToolError(description: "scripts/parse-mail could not read \(file.lastPathComponent): \(run.errors)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ReceivedMail.self, from: run.output)
    }
}
