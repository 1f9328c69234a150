extension StringProtocol {
    /// The text with `& < > " '` written as entities: safe as HTML or XML text and inside a quoted
    /// attribute (the SVG charts, the HTML part of an email).
    public var escapedForMarkup: String {
        var escaped = ""
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
