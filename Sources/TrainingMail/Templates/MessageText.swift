/// The rendered texts tidied, so a section left empty by a missing fact leaves no gap: the subject on one
/// line, the body with no trailing spaces, no run of blank lines and one line break at the end.
enum MessageText {
    static func subject(_ rendered: String) -> String {
        rendered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func body(_ rendered: String) -> String {
        var lines: [String] = []
        for line in rendered.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let kept = String(line.reversed().drop(while: \.isWhitespace).reversed())
            if kept.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(kept)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
