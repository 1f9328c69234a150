import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// The Trends sheet of `smallPartnership()`'s 2015-16 workbook: 2011-12 to 2015-16, the records beginning in
/// 2014-15 (session P1, June 2014), figures worked out by hand in that fixture's comment.
@Suite("The board's Trends sheet")
struct TrendsSheetTests {
    let year = FinancialYear(startYear: 2015)
    let noData = ReportCell.text("no data")

    @Test func theYearIsSetBesideTheFourBeforeItWithNoDataBeforeTheRecordsBegin() throws {
        let sheet = BoardSheets.trends(try FiveYearTrends.read(endingWith: year, from: smallPartnership()))
        let table = sheet.tables[0]
        #expect(table.columns == ["", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16"])
        let before = [noData, noData, noData]
        #expect(table.rows[0] == [.text("Courses held")] + before + [.count(1), .count(2)])
        #expect(table.rows[1] == [.text("% of courses cancelled")] + before + [.percent(0), .percent(1.0 / 3.0)])   // N3 of N1, N2, N3
        #expect(table.rows[2] == [.text("Total attendance")] + before + [.count(2), .count(3)])
        #expect(table.rows[3] == [.text("Learners reached (attended or completed e-learning)")] + before + [.count(2), .count(4)])
        #expect(table.rows[4] == [.text("E-learning completions")] + before + [.count(0), .count(1)])
        // No evaluations at all: too small to read, never 0%.
        #expect(table.rows[5] == [.text("% satisfied (4 or 5 of 5)")] + before + [.text("too small to read"), .text("too small to read")])
        #expect(table.rows[6] == [.text("Evaluations returned")] + before + [.count(0), .count(0)])
        #expect(sheet.notes.contains("No records are held before 2014-15: the years before it show no data."))
    }

    @Test func attendanceBySectorOverFiveYearsAddsUpToEachYearsAttendance() throws {
        let table = BoardSheets.trends(try FiveYearTrends.read(endingWith: year, from: smallPartnership())).tables[1]
        let before = [noData, noData, noData]
        // 2014-15: Amy and Bob (council); 2015-16: Amy (council), Eve (NHS), Cat (no agency).
        #expect(table.rows == [
            [.text("Health")] + before + [.count(0), .count(1)],
            [.text("Local Authority")] + before + [.count(2), .count(1)],
            [.text("Police")] + before + [.count(0), .count(0)],
            [.text("Agency not recorded")] + before + [.count(0), .count(1)],
        ])
        #expect(table.total == [.text("TOTAL")] + before + [.count(2), .count(3)])
        #expect(table.totalsMismatches.isEmpty)
    }

    @Test func theChartsFollowOnlyTheYearsHoldingRecords() throws {
        let sheet = BoardSheets.trends(try FiveYearTrends.read(endingWith: year, from: smallPartnership()))
        #expect(sheet.charts.map(\.kind) == [.line, .line])
        #expect(sheet.charts[0].seriesRows == [2, 3, 4])        // attendance, learners reached, completions
        #expect(sheet.charts[0].valueColumns == [4, 5])         // 2014-15 and 2015-16
        #expect(sheet.charts[1].seriesRows == [0, 1, 2, 3])     // every sector
    }

    @Test func aDatabaseWithNoRecordsHasNoDataForAnyYearAndNoChart() throws {
        let sheet = BoardSheets.trends(try FiveYearTrends.read(endingWith: year, from: AppDatabase.inMemory()))
        #expect(sheet.tables[0].rows[2] == [.text("Total attendance"), noData, noData, noData, noData, noData])
        #expect(sheet.charts.isEmpty)
    }

    /// Writes the board workbook of `year` into `folder` and reads back sheet `index`.
    func readBack(_ year: FinancialYear, sheet index: Int, from database: AppDatabase, in folder: URL) throws -> SheetGrid {
        try SheetGrid.read(sheet: index, of: BoardWorkbook.write(year: year, from: database, into: folder.path))
    }

    @Test func readBackEachYearsColumnEqualsThatYearsOwnWorkbook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try smallPartnership()
        // 2016-17 holds no record but follows the first that does: its column is its own workbook's zeros.
        let reported = FinancialYear(startYear: 2016)
        let trends = try readBack(reported, sheet: 2, from: database, in: folder)
        let measures = ["Courses held", "% of courses cancelled", "Total attendance", "Learners reached (attended or completed e-learning)",
                        "E-learning completions", "% satisfied (4 or 5 of 5)"]
        for measure in measures {
            let row = try #require(trends.row(measure), "no row \(measure)")
            #expect(Array(row[1...2]) == [.text("no data"), .text("no data")], "\(measure) before the records begin")
            for (offset, startYear) in (2014...2016).enumerated() {
                let summary = try readBack(FinancialYear(startYear: startYear), sheet: 1, from: database, in: folder)
                #expect(row[3 + offset] == summary.row(measure)?[2], "\(measure) in \(startYear)")
            }
        }
        #expect(trends.row("Total attendance")?.dropFirst() == [.text("no data"), .text("no data"), .number(2), .number(3), .number(0)])
    }

    @Test func theWrittenTrendsSheetHasALineChartWithAMarkerForEachSeries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try BoardWorkbook.write(year: year, from: smallPartnership(), into: folder.path)
        let charts = try (1...8).compactMap { try? part("xl/charts/chart\($0).xml", of: path) }
        let lines = charts.filter { $0.contains("<c:lineChart>") }
        #expect(lines.count == 2)
        // The first reads the headline rows across columns E and F (2014-15 and 2015-16), named by the year headers.
        #expect(lines.first?.contains("<c:f>Trends!$E$") == true)
        #expect(lines.first?.contains(#"<c:symbol val="diamond"/>"#) == true)
        #expect(lines.first?.contains(#"<c:symbol val="square"/>"#) == true)
    }
}
