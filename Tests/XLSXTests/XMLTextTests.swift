import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import XLSX

/// Every XML part of a written workbook, by name.
func xmlParts(of path: String) throws -> [(name: String, data: Data)] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    return try archive.filter { $0.path.hasSuffix(".xml") || $0.path.hasSuffix(".rels") }.map { entry in
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return (entry.path, data)
    }
}

/// Whether an XML parser reads the data to the end without an error.
func parsesAsXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
}

/// Issue 16, finding 5: the wrapper replaces what XML cannot hold, so a workbook is valid whatever its text.
@Suite("Text XML can hold")
struct XMLTextTests {
    @Test func noncharactersNulAndOtherControlsBecomeTheReplacementCharacter() {
        let text = "a\u{0}b\u{1}c\u{1B}d" + String(Character(Unicode.Scalar(0xFFFE)!)) + String(Character(Unicode.Scalar(0x1FFFF)!))
        #expect(XMLText.safe(text) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}\u{FFFD}")
    }

    @Test func tabsLineBreaksAndEveryScriptAreKept() {
        let text = "one\ttwo\nthree\r\nZoë أحمد 李雷 🇬🇧 e\u{301} \u{10FFFD}"
        #expect(XMLText.safe(text) == text)
    }

    @Test func aWorkbookOfTextFromTheWholeOfUnicodeIsValidXML() throws {
        let folder = Folder()
        let path = folder.path("unicode.xlsx")
        let workbook = try Workbook(path: path, options: Workbook.Options(title: "T\u{0}itle", author: "A\u{7}uthor"))
        let sheet = try workbook.addSheet("All of Unicode")
        // Every code point but the surrogates, 2,000 to a cell: 557 cells, each far under Excel's cell limit.
        var scalars = String.UnicodeScalarView()
        var row = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            scalars.append(scalar)
            if scalars.count == 2000 || value == 0x10FFFF {
                try sheet.write(.text(String(scalars)), row: row, column: 0)
                scalars = String.UnicodeScalarView()
                row += 1
            }
        }
        try sheet.writeMerged("merged \u{0} \u{FFFD}" + String(Character(Unicode.Scalar(0xFFFF)!)), row: row, columns: 0...2)
        try sheet.write(.integer(1), row: row + 1, column: 0)
        try sheet.write(.integer(2), row: row + 2, column: 0)
        try sheet.insertChart(.column, title: "Chart \u{0}" + String(Character(Unicode.Scalar(0xFFFE)!)),
                              series: [ChartSeries(name: "Series \u{1}", categories: CellRange(sheet: sheet.name, rows: row + 1...row + 2, columns: 0...0),
                                                   values: CellRange(sheet: sheet.name, rows: row + 1...row + 2, columns: 0...0))],
                              categoryAxis: "x\u{FFFD}" + String(Character(Unicode.Scalar(0xFDD0)!)), valueAxis: "y\u{2}", row: 0, column: 4)
        try workbook.close()

        let parts = try xmlParts(of: path)
        #expect(parts.contains { $0.name == "xl/sharedStrings.xml" })
        for part in parts {
            #expect(parsesAsXML(part.data), "\(part.name) is not valid XML")
        }
    }
}
