/// What one kind of stored text may hold: at most `limit` characters, and line breaks only where
/// `multiline`. The limits of every stored text field are stated here, once (issue 16, finding 9:
/// "limit every stored text as the free-text answers already are").
///
/// Lengths are counted in Unicode code points, as SQLite's `length()` counts them: a flag emoji is two.
public struct TextField: Sendable, Hashable {
    /// The most characters (Unicode code points) kept.
    public let limit: Int
    /// Whether tab, line feed and carriage return may appear (a paragraph, not a name).
    public let multiline: Bool

    public init(limit: Int, multiline: Bool) {
        self.limit = limit
        self.multiline = multiline
    }

    /// A name: of a person, agency, course, module, supplier, trainer, bank holiday.
    public static let name = TextField(limit: 200, multiline: false)
    /// An email address (RFC 5321's path limit).
    public static let email = TextField(limit: 254, multiline: false)
    /// A learner's job role.
    public static let jobRole = TextField(limit: 200, multiline: false)
    /// A learner's team within their agency (a ward, a locality, a school's year group).
    public static let team = TextField(limit: 200, multiline: false)
    /// An agency's billing contact (a name, an address, a phone number).
    public static let contact = TextField(limit: 500, multiline: true)
    /// A reference an old system gave a session.
    public static let reference = TextField(limit: 100, multiline: false)
    /// A session's venue or online link (meeting links run to a few hundred characters); a venue may be
    /// an address over several lines, as old systems' exports hold them.
    public static let venue = TextField(limit: 1000, multiline: true)
    /// A reason given for a cancellation, a waiver, an erasure.
    public static let reason = TextField(limit: 1000, multiline: true)
    /// A note beside a record (a session's cancellation, a licence purchase).
    public static let note = TextField(limit: 4000, multiline: true)
    /// A free-text answer to an evaluation or follow-up (the evaluation issue: up to 4,000 characters).
    public static let answer = TextField(limit: 4000, multiline: true)
    /// A course's description.
    public static let description = TextField(limit: 4000, multiline: true)
    /// One learning outcome of a course.
    public static let outcome = TextField(limit: 1000, multiline: false)
    /// The value of a setting.
    public static let setting = TextField(limit: 1000, multiline: false)
    /// A message's subject line, as the officer words it.
    public static let subject = TextField(limit: 300, multiline: false)
    /// A message's body, as the officer words it.
    public static let messageBody = TextField(limit: 20_000, multiline: true)
}

/// The one rule for which text may be stored (issue 16, findings 5 and 9). Applied wherever text enters —
/// every importer and every store intention that takes free text from a form or the command line — so
/// no stored value can break a workbook or be cut short:
///
/// - no NUL, which C libraries (SQLite's text functions, libxlsxwriter) take for the end of the text and
///   so silently cut it;
/// - no other C0 control character, except tab, line feed and carriage return in multi-line text;
/// - no Unicode noncharacter (U+FDD0–U+FDEF, and U+xFFFE and U+xFFFF in every plane), which XML — and so
///   every .xlsx workbook — does not allow;
/// - at most the field's `limit` characters.
///
/// (A Swift `String` cannot hold a lone surrogate, so those never arrive.)
public enum StoredText {
    /// The first character of `text` that cannot be stored in a field of this kind; nil when there is none.
    /// Works on the UTF-8 bytes: every forbidden character has a fixed byte pattern, so the usual text, all
    /// visible, is passed over without decoding (a million-row history is checked field by field).
    public static func firstForbidden(in text: String, multiline: Bool) -> Unicode.Scalar? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { firstForbidden(utf8: $0, multiline: multiline) } ?? nil
    }

    static func firstForbidden(utf8 bytes: UnsafeBufferPointer<UInt8>, multiline: Bool) -> Unicode.Scalar? {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if !(multiline && (byte == 0x09 || byte == 0x0A || byte == 0x0D)) { return Unicode.Scalar(byte) }
            } else if byte == 0xEF, index + 2 < count {
                // U+FDD0–U+FDEF is EF B7 90–AF; U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                let second = bytes[index + 1], third = bytes[index + 2]
                if (second == 0xB7 && (0x90...0xAF).contains(third)) || (second == 0xBF && third >= 0xBE) {
                    return Unicode.Scalar(0xF000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F))
                }
            } else if byte >= 0xF0, index + 3 < count {
                // U+xFFFE and U+xFFFF in planes 1–16: the last three bytes are ?F BF BE or ?F BF BF.
                let second = bytes[index + 1], third = bytes[index + 2], fourth = bytes[index + 3]
                if second & 0x0F == 0x0F, third == 0xBF, fourth >= 0xBE {
                    let value = UInt32(byte & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(third & 0x3F) << 6 | UInt32(fourth & 0x3F)
                    return Unicode.Scalar(value)
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether one character may be stored in a field of this kind.
    public static func isAllowed(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        let value = scalar.value
        if value < 0x20 { return multiline && (value == 0x09 || value == 0x0A || value == 0x0D) }
        return !isNoncharacter(scalar)
    }

    /// U+FDD0–U+FDEF, and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ... U+10FFFF).
    public static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// `text` unchanged when a field of this kind may hold it; otherwise an error naming the field (the
    /// location's field, or `name`), the character (as U+XXXX) or the limit.
    @discardableResult
    public static func check(_ text: String, as field: TextField, at location: InputLocation = InputLocation(),
                             name: String? = nil) throws -> String {
        let what = name ?? location.field.map { "'\($0)'" } ?? "the text"
        if let bad = firstForbidden(in: text, multiline: field.multiline) {
            throw InputError("\(what) contains a character that cannot be stored (\(describe(bad)))", at: location)
        }
        // Counting code points walks the text, so the byte count (never fewer) decides first whether to.
        if text.utf8.count > field.limit {
            let length = text.unicodeScalars.count
            if length > field.limit {
                throw InputError("\(what) is \(length) characters long; the most kept is \(field.limit)", at: location)
            }
        }
        return text
    }

    /// As `check(_:as:at:name:)`, passing nil through.
    @discardableResult @_disfavoredOverload
    public static func check(_ text: String?, as field: TextField, at location: InputLocation = InputLocation(),
                             name: String? = nil) throws -> String? {
        guard let text else { return nil }
        return try check(text, as: field, at: location, name: name)
    }

    /// `U+FFFE`, with a word for the controls a person may recognise.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.value {
        case 0x00: return "\(code), a NUL"
        case 0x09: return "\(code), a tab"
        case 0x0A, 0x0D: return "\(code), a line break"
        default: return code
        }
    }
}
