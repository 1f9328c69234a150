/// Text made safe to put into a workbook's XML (issue 16, finding 5: "a name holding U+FFFE makes the
/// workbook invalid XML"). XML 1.0 allows only tab, line feed, carriage return, U+0020–U+D7FF,
/// U+E000–U+FFFD and U+10000–U+10FFFF; every other character — a NUL or other C0 control, U+FFFE,
/// U+FFFF — and every Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) is replaced by U+FFFD, the
/// replacement character, before libxlsxwriter sees it. A NUL would otherwise also cut the text short,
/// as libxlsxwriter takes C strings. So a workbook is valid whatever the database holds (old rows
/// written before the stored-text rule, say), not only what today's input rules let in.
public enum XMLText {
    /// `text` unchanged when XML can hold every character of it; otherwise with each one it cannot
    /// replaced by U+FFFD.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Whether XML 1.0 can hold the character and it is not a Unicode noncharacter.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { return false }
        return true  // a Swift scalar is never a surrogate
    }
}
