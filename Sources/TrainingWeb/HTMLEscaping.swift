import Mustache
import TrainingCore

/// How every template escapes the values it shows (`TemplateLoader` starts each with `pragma`): the five
/// characters swift-mustache's own HTML escaping replaces (`<`, `>`, `&`, `"`, `'`), replaced the same way,
/// character by character (`escapedForMarkup`). A text holding none of them, as nearly every value a page
/// shows, is returned as it is without a look at each character; swift-mustache's looks every character up
/// in a dictionary, which was a sixth of the time the booker's programme took to render.
struct HTMLEscaping: MustacheContentType {
    /// The name the pragma chooses it by.
    static let name = "ESCAPED_HTML"
    /// The line that makes a template escape with it; a tag alone on its line, so it adds nothing to a page.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Makes it known to swift-mustache, before a template naming it is read (again each time: the same).
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        text.utf8.contains(where: Self.isEscaped) ? text.escapedForMarkup : text
    }

    /// Whether the byte is one of the characters replaced: a text without any of them has nothing to replace.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
