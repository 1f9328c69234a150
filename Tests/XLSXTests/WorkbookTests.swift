import Foundation
import Testing
import ZIPFoundation
@testable import XLSX

/// Reads a part of a written workbook (an .xlsx is a zip of XML parts).
func part(_ name: String, of path: String) throws -> String {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    guard let entry = archive[name] else { throw CocoaError(.fileNoSuchFile) }
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
}

final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
    init() { try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path).sorted()) ?? [] }
}

@Suite("XLSX workbooks")
struct WorkbookTests {
    @Test func aWrittenWorkbookHoldsTextAsTextAndCountsAsNumbers() throws {
        let folder = Folder()
        let path = folder.path("board.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addSheet("Summary")
        try sheet.write(row: 0, [.text("Agency"), .text("Attended")], style: CellStyle(bold: true))
        try sheet.write(row: 1, [.text("Calderdale Council"), .integer(1234)], style: nil)
        try sheet.write(.text("=SUM(A1:A2)"), row: 2, column: 0)
        try sheet.write(.number(0.18), row: 2, column: 1, style: .percentage)
        sheet.freezePanes(row: 1)
        try sheet.setColumnWidth(24, columns: 0...0)
        try sheet.setUpPrinting(repeatRows: 0...0)
        try workbook.close()

        let xml = try part("xl/worksheets/sheet1.xml", of: path)
        let strings = try part("xl/sharedStrings.xml", of: path)
        #expect(xml.contains(#"<c r="B2" s="0"><v>1234</v></c>"#) || xml.contains(#"<c r="B2"><v>1234</v></c>"#))
        #expect(xml.contains(#"<c r="A3" t="s">"#))            // formula-looking text is a string cell...
        #expect(!xml.contains("<f>"))                           // ...and no formula is written
        #expect(strings.contains("=SUM(A1:A2)"))
        #expect(strings.contains("Calderdale Council"))
        #expect(xml.contains("<v>0.18</v>"))
        #expect(xml.contains(#"<pane ySplit="1""#))
        let workbookXML = try part("xl/workbook.xml", of: path)
        #expect(workbookXML.contains(#"<sheet name="Summary""#))
        #expect(workbookXML.contains("Print_Titles"))
        #expect(folder.contents == ["board.xlsx"])
    }

    @Test("sheet names Excel refuses are refused with the reason", arguments: [
        ("A name that is far too long for Excel", "Excel worksheet name must be 31 chars or less"),
        ("Q1/Q2", "Worksheet name cannot contain invalid characters: '[ ] : * ? / \\\\'"),
        ("'quoted'", "Worksheet name cannot start or end with an apostrophe"),
    ])
    func invalidSheetNames(name: String, fragment: String) throws {
        let folder = Folder()
        let workbook = try Workbook(path: folder.path("x.xlsx"))
        do {
            _ = try workbook.addSheet(name)
            Issue.record("expected '\(name)' to be refused")
        } catch let XLSXError.invalidSheetName(refused, reason) {
            #expect(refused == name)
            #expect(!reason.isEmpty)
        }
    }

    @Test func aSheetNameUsedTwiceIsRefusedIgnoringCase() throws {
        let folder = Folder()
        let workbook = try Workbook(path: folder.path("x.xlsx"))
        _ = try workbook.addSheet("Courses")
        #expect(throws: XLSXError.invalidSheetName(name: "COURSES", reason: "another sheet already has this name")) {
            try workbook.addSheet("COURSES")
        }
    }

    @Test func textOverTheCellLimitIsRefusedNamingTheCell() throws {
        let folder = Folder()
        let workbook = try Workbook(path: folder.path("x.xlsx"))
        let sheet = try workbook.addSheet("Quotes")
        #expect(throws: XLSXError.cannotWrite(sheet: "Quotes", cell: "C5", reason: "the text is 32768 characters; an Excel cell holds at most 32,767")) {
            try sheet.write(.text(String(repeating: "x", count: 32_768)), row: 4, column: 2)
        }
    }

    @Test func aWorkbookAbandonedBeforeCloseLeavesNoFileBehind() throws {
        let folder = Folder()
        do {
            let workbook = try Workbook(path: folder.path("abandoned.xlsx"))
            try workbook.addSheet("Summary").write(.integer(1), row: 0, column: 0)
        }
        #expect(folder.contents.isEmpty)
    }

    @Test func aWorkbookInAMissingFolderIsRefused() {
        #expect(throws: XLSXError.cannotCreate(path: "/nonexistent/board.xlsx", reason: "the folder /nonexistent does not exist")) {
            try Workbook(path: "/nonexistent/board.xlsx")
        }
    }

    @Test func aFixedCreationDateGivesByteIdenticalWorkbooks() throws {
        let folder = Folder()
        func write(_ name: String) throws -> Data {
            let workbook = try Workbook(path: folder.path(name), options: .init(createdAt: Date(timeIntervalSince1970: 1_743_462_000), title: "Board"))
            try workbook.addSheet("Summary").write(row: 0, [.text("Courses held"), .integer(53)])
            try workbook.close()
            return try Data(contentsOf: URL(fileURLWithPath: folder.path(name)))
        }
        #expect(try write("a.xlsx") == write("b.xlsx"))
        #expect(try part("docProps/core.xml", of: folder.path("a.xlsx")).contains("2025-03-31T23:00:00Z"))
    }

    @Test func columnNamesRunPastZ() {
        #expect(Worksheet.reference(row: 0, column: 0) == "A1")
        #expect(Worksheet.reference(row: 9, column: 25) == "Z10")
        #expect(Worksheet.reference(row: 0, column: 26) == "AA1")
        #expect(Worksheet.columnName(16_383) == "XFD")
    }

    @Test func constantMemoryModeWritesRowsInOrder() throws {
        let folder = Folder()
        let path = folder.path("export.xlsx")
        let workbook = try Workbook(path: path, options: .init(constantMemory: true))
        let sheet = try workbook.addSheet("Bookings")
        for row in 0..<1000 { try sheet.write(row: row, [.integer(row), .text("learner \(row)")]) }
        try workbook.close()
        let xml = try part("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains(#"<c r="A1000""#))
        #expect(xml.contains("learner 999"))  // constant memory writes inline strings
    }

    @Test func whatAKilledRunLeftIsRemovedByTheNextWorkbookWrittenIntoTheFolder() throws {
        let folder = Folder()
        // A run that has ended (its process is gone) left its partial and its temporary folder holding one of
        // libxlsxwriter's files; a run still going (this test's parent) keeps its own.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = ".board-2015-16.xlsx.\(ended.processIdentifier)"
        let stillWriting = ".board-2015-16.xlsx.\(getppid()).partial"
        for name in [abandoned + ".partial", stillWriting] { try Data("PK".utf8).write(to: folder.url.appendingPathComponent(name)) }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(abandoned + ".tmp"), withIntermediateDirectories: false)
        try Data("PK".utf8).write(to: folder.url.appendingPathComponent(abandoned + ".tmp/tmp.ermJJrKKsF"))

        let workbook = try Workbook(path: folder.path("quarter.xlsx"))
        _ = try workbook.addSheet("Summary")
        try workbook.close()

        #expect(folder.contents == [stillWriting, "quarter.xlsx"])
    }
}

@Suite("XLSX charts")
struct ChartTests {
    @Test func aClusteredChartReadsItsSeriesFromTheSheet() throws {
        let folder = Folder()
        let path = folder.path("chart.xlsx")
        let workbook = try Workbook(path: path)
        let sheet = try workbook.addSheet("Attendance by agency")
        try sheet.write(row: 0, [.text("Sector"), .text("2014-15"), .text("2015-16")])
        try sheet.write(row: 1, [.text("Health"), .integer(120), .integer(150)])
        try sheet.write(row: 2, [.text("Police"), .integer(40), .integer(35)])
        let categories = CellRange(sheet: "Attendance by agency", rows: 1...2, columns: 0...0)
        try sheet.insertChart(.bar, title: "Attendance by sector", series: [
            ChartSeries(name: "2014-15", categories: categories, values: CellRange(sheet: "Attendance by agency", rows: 1...2, columns: 1...1)),
            ChartSeries(name: "2015-16", categories: categories, values: CellRange(sheet: "Attendance by agency", rows: 1...2, columns: 2...2)),
        ], categoryAxis: "Sector", valueAxis: "Attended", row: 4, column: 0)
        try workbook.close()
        let chart = try part("xl/charts/chart1.xml", of: path)
        #expect(chart.contains("<c:barDir val=\"bar\"/>"))
        #expect(chart.contains("'Attendance by agency'!$A$2:$A$3"))
        #expect(chart.contains("'Attendance by agency'!$C$2:$C$3"))
        #expect(chart.contains("2015-16"))
        #expect(try part("xl/drawings/drawing1.xml", of: path).contains("chart"))
    }

    @Test func aChartWithNoSeriesIsRefused() throws {
        let folder = Folder()
        let workbook = try Workbook(path: folder.path("x.xlsx"))
        let sheet = try workbook.addSheet("Summary")
        #expect(throws: XLSXError.cannotWrite(sheet: "Summary", cell: "B3", reason: "a chart needs at least one series")) {
            try sheet.insertChart(.column, title: "Nothing", series: [], row: 2, column: 1)
        }
    }
}
