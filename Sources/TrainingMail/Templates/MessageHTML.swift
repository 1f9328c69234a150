import TrainingCore

/// The HTML part, made from the rendered plain text by one fixed layout in the GOV.UK style: the
/// partnership's name as a header, then the text's blocks (separated by blank lines) as paragraphs, lines
/// starting "- " as a bulleted list, web addresses as links. Everything from the text is escaped; there
/// are no images, the language is English and the type is large and plain, for readers who zoom or
/// listen. Styles are inline because mail programs drop style sheets.
enum MessageHTML {
    static let font = "font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c;"

    static func document(subject: String, partnershipName: String, text: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(subject))</title>
        </head>
        <body style="margin:0;padding:0;background:#ffffff;">
        <div style="background:#0b0c0c;border-bottom:10px solid #1d70b8;padding:15px 20px;">
        <p style="margin:0;font-family:Arial,Helvetica,sans-serif;font-size:24px;font-weight:bold;color:#ffffff;">\(escape(partnershipName))</p>
        </div>
        <div style="max-width:640px;padding:20px;\(font)">
        \(blocks(of: text).joined(separator: "\n"))
        </div>
        </body>
        </html>

        """
    }

    /// Each block of lines as a paragraph (its lines kept apart by `<br>`) or, for a run of "- " lines,
    /// a list.
    static func blocks(of text: String) -> [String] {
        var html: [String] = []
        for block in text.components(separatedBy: "\n\n") {
            var paragraph: [String] = []
            var items: [String] = []
            func flush() {
                if !paragraph.isEmpty { html.append("<p style=\"margin:0 0 20px 0;\">" + paragraph.joined(separator: "<br>\n") + "</p>") }
                if !items.isEmpty { html.append("<ul style=\"margin:0 0 20px 0;padding-left:20px;\">\n" + items.joined(separator: "\n") + "\n</ul>") }
                paragraph = []
                items = []
            }
            for line in block.split(separator: "\n") {
                if line.hasPrefix("- ") {
                    if !paragraph.isEmpty { flush() }
                    items.append("<li style=\"margin-bottom:5px;\">" + linked(line.dropFirst(2)) + "</li>")
                } else {
                    if !items.isEmpty { flush() }
                    paragraph.append(linked(line))
                }
            }
            flush()
        }
        return html
    }

    /// The line escaped, its http and https addresses made links (a full stop, comma or bracket after an
    /// address is the sentence's, not the address's).
    static func linked(_ line: Substring) -> String {
        var result = ""
        var rest = line
        while let start = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap({ $0?.lowerBound }).min() {
            result += escape(rest[..<start])
            var end = rest[start...].firstIndex { $0.isWhitespace || "<>\"".contains($0) } ?? rest.endIndex
            while end > start, ".,;:!?)'".contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            let address = escape(rest[start..<end])
            result += "<a href=\"\(address)\" style=\"color:#1d70b8;\">\(address)</a>"
            rest = rest[end...]
        }
        return result + escape(rest)
    }

    static func escape<Text: StringProtocol>(_ text: Text) -> String {
        text.escapedForMarkup
    }
}
