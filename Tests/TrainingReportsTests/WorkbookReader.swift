import Foundation

/// What a cell of a written workbook holds, read back from its XML.
enum ReadCell: Equatable, CustomStringConvertible {
    case text(String)
    case number(Double)

    var description: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        }
    }
}

/// A sheet of a written .xlsx read back into rows of cells, so tests check the file a board member
/// opens rather than the program's idea of it.
struct SheetGrid {
    var rows: [Int: [Int: ReadCell]] = [:]

    /// The cells of the first row whose first cell (or second, for the agency column) reads `label`.
    func row(_ label: String, column labelColumn: Int = 0) -> [ReadCell]? {
        guard let match = rows.keys.sorted().first(where: { rows[$0]?[labelColumn] == .text(label) }), let cells = rows[match] else { return nil }
        let last = cells.keys.max() ?? 0
        return (0...last).map { cells[$0] ?? .text("") }
    }

    /// Every text in the sheet, for checking that something does not appear.
    var allText: String { rows.values.flatMap(\.values).map(\.description).joined(separator: "\n") }

    static func read(sheet index: Int, of path: String) throws -> SheetGrid {
        let strings = try sharedStrings(of: path)
        let xml = try part("xl/worksheets/sheet\(index).xml", of: path)
        var grid = SheetGrid()
        let cellPattern = try NSRegularExpression(pattern: #"<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, options: [.dotMatchesLineSeparators])
        for match in cellPattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)) {
            func group(_ n: Int) -> String { Range(match.range(at: n), in: xml).map { String(xml[$0]) } ?? "" }
            let column = group(1).unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            let row = Int(group(2))! - 1
            let attributes = group(3), body = group(4)
            let value = firstMatch(#"<v>(.*?)</v>"#, in: body)
            let cell: ReadCell?
            if attributes.contains(#"t="s""#), let value, let index = Int(value) {
                cell = .text(strings[index])
            } else if attributes.contains(#"t="inlineStr""#) {
                cell = .text(unescape(firstMatch(#"<t[^>]*>(.*?)</t>"#, in: body) ?? ""))
            } else if let value, let number = Double(value) {
                cell = .number(number)
            } else {
                cell = nil
            }
            if let cell { grid.rows[row, default: [:]][column] = cell }
        }
        return grid
    }

    static func sharedStrings(of path: String) throws -> [String] {
        guard let xml = try? part("xl/sharedStrings.xml", of: path) else { return [] }
        let item = try NSRegularExpression(pattern: #"<si>(.*?)</si>"#, options: [.dotMatchesLineSeparators])
        return item.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).map { match in
            let body = String(xml[Range(match.range(at: 1), in: xml)!])
            return unescape(firstMatch(#"<t[^>]*>(.*?)</t>"#, in: body) ?? "")
        }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
