/// Header field text as RFC 5322 and RFC 2047 want it: one line of printable ASCII, folded before 78
/// characters where a space allows, and anything else (non-ASCII text, or a word too long to fold) as
/// UTF-8 encoded-words, which can be cut anywhere between characters.
enum HeaderText {
    static let preferredLineLength = 78
    /// An encoded-word is kept this short so that even the first, after the longest header name the writer
    /// uses ("Reply-To: "), stays within 78 characters.
    static let encodedWordLength = 66

    /// The text on one line: line breaks and other control characters become spaces (so no value can
    /// start a header of its own), runs of spaces become one, and the ends are trimmed.
    static func singleLine(_ text: String) -> String {
        let spaced = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// The words to write: the text's own when it is printable ASCII whose every word fits a line after
    /// the header's name, and that holds nothing a reader would take for an encoded-word; else encoded-words.
    static func words(_ text: String, headerName: String) -> [String] {
        let line = singleLine(text)
        guard !line.isEmpty else { return [] }
        let words = line.split(separator: " ").map(String.init)
        let room = preferredLineLength - headerName.utf8.count - 2
        let plain = line.utf8.allSatisfy { (0x20...0x7E).contains($0) } && !line.contains("=?")
            && words.allSatisfy { $0.utf8.count <= room }
        return plain ? words : encodedWords(line)
    }

    /// The header `name: words`, a fold (CRLF and a space) put before any word that would take its line
    /// past 78 characters. The first word always stays beside the name.
    static func fold(_ name: String, _ words: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for (index, word) in words.enumerated() {
            let size = word.utf8.count + 1
            if index > 0, lineLength + size > preferredLineLength {
                result += "\r\n"
                lineLength = 0
            }
            result += " " + word
            lineLength += size
        }
        return result
    }

    // MARK: - RFC 2047 encoded-words

    /// The text as UTF-8 encoded-words of at most `encodedWordLength` characters, each holding whole
    /// characters, in the "B" (base64) or "Q" (quoted-printable-like) form, whichever is shorter for the
    /// whole text (B when they tie). A reader joins adjacent encoded-words without the space between.
    static func encodedWords(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let qLength = scalars.reduce(0) { $0 + qEncoded($1).count }
        let bLength = (text.utf8.count + 2) / 3 * 4
        let useQ = qLength < bLength
        let room = encodedWordLength - "=?UTF-8?Q??=".count
        var words: [String] = []
        var chunk = ""
        for scalar in scalars {
            let longer = chunk + String(scalar)
            if payloadLength(longer, useQ: useQ) > room {
                words.append(encodedWord(chunk, useQ: useQ))
                chunk = String(scalar)
            } else {
                chunk = longer
            }
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk, useQ: useQ)) }
        return words
    }

    static func payloadLength(_ text: String, useQ: Bool) -> Int {
        useQ ? text.unicodeScalars.reduce(0) { $0 + qEncoded($1).count } : (text.utf8.count + 2) / 3 * 4
    }

    static func encodedWord(_ text: String, useQ: Bool) -> String {
        if useQ { return "=?UTF-8?Q?" + text.unicodeScalars.map(qEncoded).joined() + "?=" }
        return "=?UTF-8?B?" + Base64Lines.flat(Array(text.utf8)) + "?="
    }

    /// One character in the "Q" form allowed in a display name (RFC 2047, 5(3)): letters, digits and
    /// `!*+-/` as they are, a space as `_`, every other byte of its UTF-8 as `=XX`.
    static func qEncoded(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "_" }
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!*+-/".unicodeScalars.contains(scalar) {
            return String(scalar)
        }
        return String(scalar).utf8.map(QuotedPrintable.escape).joined()
    }
}
