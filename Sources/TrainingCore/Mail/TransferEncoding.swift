import Foundation

/// Quoted-printable (RFC 2045, 6.7): text stays readable, every encoded line is at most 76 characters.
///
/// The text's line breaks (LF, CRLF or CR) become CRLF line breaks; a longer line is cut by soft breaks
/// (`=` at the end of the line), never inside an `=XX` escape. `=`, control characters and every byte of a
/// non-ASCII character (as UTF-8) are escaped, and so is a space or tab that would end a line, which a mail
/// server may strip.
enum QuotedPrintable {
    static let maximumLineLength = 76

    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    /// The text split at its line breaks, whichever convention it uses.
    static func lines(of text: String) -> [Substring] {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        let tokens = bytes.indices.map { index in token(for: bytes[index], endsLine: index == bytes.count - 1) }
        var encoded = ""
        var length = 0
        for (index, token) in tokens.enumerated() {
            // The last token may fill the line; any other must leave room for the soft break's "=".
            let room = index == tokens.count - 1 ? maximumLineLength : maximumLineLength - 1
            if length + token.count > room {
                encoded += "=\r\n"
                length = 0
            }
            encoded += token
            length += token.count
        }
        return encoded
    }

    static func token(for byte: UInt8, endsLine: Bool) -> String {
        let isWhiteSpace = byte == 0x20 || byte == 0x09
        let isLiteral = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=")
        if isLiteral || (isWhiteSpace && !endsLine) { return String(UnicodeScalar(byte)) }
        return escape(byte)
    }

    /// `=XX` with upper-case hexadecimal digits, as RFC 2045 requires.
    static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}

/// Base64 (RFC 2045, 6.8) in lines of 76 characters ending CRLF, for attachments.
enum Base64Lines {
    static let lineLength = 76

    static func encode(_ bytes: [UInt8]) -> String {
        let flat = Array(Self.flat(bytes).utf8)
        return stride(from: 0, to: flat.count, by: lineLength)
            .map { String(decoding: flat[$0..<min($0 + lineLength, flat.count)], as: UTF8.self) }
            .joined(separator: "\r\n")
    }

    /// The base64 of the bytes on one line.
    static func flat(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
