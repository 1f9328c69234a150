import Foundation
import Testing
import TrainingCore
import TrainingStore
import XLSX
import ZIPFoundation
@testable import TrainingReports

func part(_ name: String, of path: String) throws -> String {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    guard let entry = archive[name] else { throw CocoaError(.fileNoSuchFile) }
    var data = Data()
    _ = try archive.extract(entry) { data.append($0) }
    return String(decoding: data, as: UTF8.self)
}

@Suite("The board's Courses sheet")
struct CoursesSheetTests {
    let year = FinancialYear(startYear: 2015)

    /// 2015-16: 53 held and 12 cancelled (DOMAIN.md's example, 18% cancelled); 2014-15: 48 held, 2 cancelled.
    var current: CourseFigures {
        var figures = CourseFigures()
        figures.total = HeldAndCancelled(held: 53, cancelled: 12)
        figures.byLevel = [.foundation: HeldAndCancelled(held: 30, cancelled: 8), .intermediate: HeldAndCancelled(held: 18, cancelled: 4),
                           .advanced: HeldAndCancelled(held: 5, cancelled: 0)]
        figures.byDelivery = [.faceToFace: HeldAndCancelled(held: 40, cancelled: 10), .virtual: HeldAndCancelled(held: 13, cancelled: 2)]
        figures.cancellationsByReason = [.lowNumbers: 9, .trainer: 2, .venue: 1]
        return figures
    }

    var previous: CourseFigures {
        var figures = CourseFigures()
        figures.total = HeldAndCancelled(held: 48, cancelled: 2)
        figures.byLevel = [.foundation: HeldAndCancelled(held: 28, cancelled: 2), .intermediate: HeldAndCancelled(held: 20, cancelled: 0)]
        figures.byDelivery = [.faceToFace: HeldAndCancelled(held: 48, cancelled: 2)]
        figures.cancellationsByReason = [.lowNumbers: 2]
        return figures
    }

    @Test func coursesHeldAndThePercentageCancelled() {
        let sheet = BoardSheets.courses(period: year, current: current, previous: previous)
        let headline = sheet.tables[0]
        #expect(headline.columns == ["", "2014-15", "2015-16", "Change"])
        #expect(headline.rows[0] == [.text("Courses held"), .count(48), .count(53), .count(5)])
        #expect(headline.rows[1] == [.text("Courses cancelled"), .count(2), .count(12), .count(10)])
        guard case .percent(let share?) = headline.rows[2][2] else { Issue.record("no percentage"); return }
        #expect(percentText(share) == "18%")  // 12 ÷ 65
        guard case .percent(let before?) = headline.rows[2][1] else { Issue.record("no percentage"); return }
        #expect(percentText(before) == "4%")  // 2 ÷ 50
        #expect(headline.rows[2][3] == .points(14))  // 18% against 4%: +14 pts, a change in percentage points
    }

    @Test func everyTotalEqualsTheSumOfItsRows() {
        let sheet = BoardSheets.courses(period: year, current: current, previous: previous)
        for table in sheet.tables { #expect(table.totalsMismatches.isEmpty, "\(table.heading): \(table.totalsMismatches)") }
        #expect(sheet.tables[1].rows.map { $0[0] } == [.text("Foundation"), .text("Intermediate"), .text("Advanced")])
        #expect(sheet.tables[3].rows[0] == [.text("Low numbers"), .count(2), .count(9)])
    }

    @Test func aTotalThatDoesNotAddUpIsCaught() {
        let table = ReportTable(heading: "t", columns: ["", "n"], rows: [[.text("a"), .count(2)], [.text("b"), .count(3)]],
                                total: [.text("Total"), .count(6)])
        #expect(table.totalsMismatches.map(\.sum) == [5])
    }
}

@Suite("The board's Attendance by agency sheet")
struct AttendanceSheetTests {
    let year = FinancialYear(startYear: 2015)
    let current = [
        AgencyAttendance(agencyName: "Calderdale NHS", sector: .health, attended: 150),
        AgencyAttendance(agencyName: "Locala", sector: .health, attended: 40),
        AgencyAttendance(agencyName: "=Hope Nursery", sector: .earlyYears, attended: 12),
        AgencyAttendance(agencyName: nil, sector: nil, attended: 7),
    ]
    let previous = [
        AgencyAttendance(agencyName: "Calderdale NHS", sector: .health, attended: 120),
        AgencyAttendance(agencyName: "Locala", sector: .health, attended: 45),
        AgencyAttendance(agencyName: "=Hope Nursery", sector: .earlyYears, attended: 0),
    ]

    @Test func agenciesAreGroupedBySectorWithSubtotalsAndAgencyNotRecordedAndATotal() {
        let table = BoardSheets.attendanceByAgency(period: year, current: current, previous: previous).tables[0]
        #expect(table.rows == [
            [.text("Early Years"), .text("=Hope Nursery"), .count(0), .count(12), .count(12)],
            [.text("Early Years"), .text("Early Years subtotal"), .count(0), .count(12), .count(12)],
            [.text("Health"), .text("Calderdale NHS"), .count(120), .count(150), .count(30)],
            [.text("Health"), .text("Locala"), .count(45), .count(40), .count(-5)],
            [.text("Health"), .text("Health subtotal"), .count(165), .count(190), .count(25)],
            [.text("Agency not recorded"), .text("Agency not recorded"), .count(0), .count(7), .count(7)],
        ])
        #expect(table.total == [.text("TOTAL"), .blank, .count(165), .count(209), .count(44)])
        #expect(table.totalsMismatches.isEmpty)   // subtotal rows are not counted twice
    }

    @Test func theWorkbookHoldsRealNumbersTextAsTextAndAChart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("board.xlsx").path
        let workbook = try Workbook(path: path)
        let writer = SheetWriter(partnershipName: "Calderdale Safeguarding Children Partnership", period: "2015-16")
        try writer.write(BoardSheets.attendanceByAgency(period: year, current: current, previous: previous), to: workbook)
        try workbook.close()

        let xml = try part("xl/worksheets/sheet1.xml", of: path)
        let strings = try part("xl/sharedStrings.xml", of: path)
        #expect(strings.contains("Calderdale Safeguarding Children Partnership — Attendance by agency, 2015-16"))
        #expect(strings.contains("=Hope Nursery"))
        #expect(!xml.contains("<f>"))                        // no formula anywhere
        #expect(xml.contains("<v>209</v>"))                  // the TOTAL as a number
        #expect(xml.contains("<pane ySplit="))
        #expect(try part("xl/workbook.xml", of: path).contains("Print_Titles"))
        let chart = try part("xl/charts/chart1.xml", of: path)
        #expect(chart.contains("'Attendance by agency'!$A$"))
        #expect(chart.contains("<c:barDir val=\"bar\"/>"))
    }
}

@Suite("The board's Courses by level sheet")
struct CoursesByLevelSheetTests {
    let deliveries = [
        CourseDelivery(title: "CSE briefing", level: .foundation, sessionsDelivered: 2, placesOffered: 60, booked: 50, attended: 45, didNotAttend: 5),
        CourseDelivery(title: "Introduction to Safeguarding", level: .foundation, sessionsDelivered: 4, placesOffered: 100, booked: 90, attended: 84, didNotAttend: 6),
        CourseDelivery(title: "Designated Safeguarding Lead", level: .advanced, sessionsDelivered: 1, placesOffered: 20, booked: 20, attended: 19, didNotAttend: 1),
    ]

    @Test func levelsInOrderWithSubTotalsAndAGrandTotal() {
        let table = BoardSheets.coursesByLevel(period: FinancialYear(startYear: 2015), deliveries: deliveries).tables[0]
        let names = table.rows.map { row -> String in if case .text(let name) = row[0] { return name } else { return "" } }
        #expect(names == ["Foundation", "CSE briefing", "Introduction to Safeguarding", "Sub Total",
                          "Intermediate", "Sub Total", "Advanced", "Designated Safeguarding Lead", "Sub Total"])
        #expect(table.rows[3] == [.text("Sub Total"), .count(6), .count(160), .count(140), .count(129), .count(11), .percent(140.0 / 160.0)])
        #expect(table.rows[5] == [.text("Sub Total"), .count(0), .count(0), .count(0), .count(0), .count(0), .percent(nil)])
        #expect(table.total == [.text("Grand Total"), .count(7), .count(180), .count(160), .count(148), .count(12), .percent(160.0 / 180.0)])
        #expect(table.totalsMismatches.isEmpty)
    }
}
