/// The tags of a Mustache text, read once the text is known to parse, so that each name can be checked
/// against the facts a message has: Mustache itself prints nothing for a name it does not find, which
/// would turn an officer's typo into a silently missing date.
enum TemplateTags {
    struct Tag: Hashable {
        /// What is between the braces, sigil included: `#venue`, `manageLink`, `{courseTitle`.
        var content: String
        /// The line the tag starts on, from 1.
        var line: Int
    }

    /// Every `{{...}}` and `{{{...}}}` in the text, in order.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].utf8.count { $0 == 0x0A }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closing = triple ? "}}}" : "}}"
            let start = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[start...].range(of: closing) else { break }
            let content = rest[start..<close.lowerBound]
            tags.append(Tag(content: (triple ? "{" : "") + content, line: line))
            line += content.utf8.count { $0 == 0x0A }
            rest = rest[close.upperBound...]
        }
        return tags
    }

    /// Refuses a tag naming no fact, and any tag other than a fact, a section of one or a comment.
    static func check(_ text: String, part: MessageTemplate.Part) throws(MessageTemplateError) {
        for tag in tags(in: text) {
            let content = tag.content.trimmingWhiteSpace()
            guard let sigil = content.first else { throw .unknownFact(part: part, line: tag.line, name: "") }
            if sigil == "!" { continue }
            if ">$<=%".contains(sigil) { throw .unsupportedTag(part: part, line: tag.line, tag: "{{\(content)}}") }
            let name = "#^/&{".contains(sigil) ? String(content.dropFirst()).trimmingWhiteSpace() : content
            guard isKnown(name) else { throw .unknownFact(part: part, line: tag.line, name: name) }
        }
    }

    /// The line of the innermost `{{#name}}` or `{{^name}}` that no `{{/name}}` closes, if there is one.
    static func lineOfUnclosedSection(in text: String) -> Int? {
        var open: [Int] = []
        for tag in tags(in: text) {
            let content = tag.content.trimmingWhiteSpace()
            if content.hasPrefix("#") || content.hasPrefix("^") { open.append(tag.line) }
            if content.hasPrefix("/") { _ = open.popLast() }
        }
        return open.last
    }

    /// A fact's name; `.` (the value of the section around it); a fact's part (`venue.count`); or a fact
    /// given to one of Mustache's transforms (`uppercased(courseTitle)`).
    static func isKnown(_ name: String) -> Bool {
        if name == "." { return true }
        let argument = name.split(separator: "(").last.map { $0.split(separator: ")").first ?? $0 } ?? Substring(name)
        guard let fact = argument.split(separator: ".", omittingEmptySubsequences: false).first else { return false }
        return MessageFactNames.all.contains(String(fact))
    }
}
