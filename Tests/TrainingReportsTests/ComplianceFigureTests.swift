import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// Compliance by agency on the board's workbook, on `compliancePartnership()`'s figures worked by hand.
@Suite("The board's compliance figure")
struct ComplianceFigureTests {
    let year = FinancialYear(startYear: 2025)

    func takeUpRow(_ agency: String) throws -> [ReportCell] {
        let sheet = try #require(try BoardWorkbook.sheets(for: year, from: compliancePartnership()).first { $0.name == "Take-up" })
        return try #require(sheet.tables[0].rows.first { $0[0] == .text(agency) })
    }

    @Test func complianceIsTheStaffInDateAtTheYearsEndOverTheWorkforce() throws {
        // Amy and Cat of 10; Ben's fell due on 30 March 2026, Dan's course is not foundation, Eve's has no refresher.
        #expect(try takeUpRow("Calderdale Council")[7...] == [.count(2), .percent(0.2)])
    }

    @Test func aLearnerCountsUnderTheAgencyRecordedOnTheirLatestCompletion() throws {
        // Fay, and Gus trained again under the NHS: 2 of 4.
        #expect(try takeUpRow("Calderdale NHS")[7...] == [.count(2), .percent(0.5)])
    }

    @Test func complianceIsBlankWhereNoWorkforceIsDeclared() throws {
        #expect(try takeUpRow("West Yorkshire Police")[7...] == [.count(1), .percent(nil)])
    }

    @Test func theTakeUpSheetNamesTheDayComplianceIsMeasuredOn() throws {
        let sheet = try #require(try BoardWorkbook.sheets(for: year, from: compliancePartnership()).first { $0.name == "Take-up" })
        #expect(sheet.tables[0].columns.suffix(2) == ["Foundation course in date at 2026-03-31", "Compliance 2025-26"])
        #expect(sheet.tables[0].total?.suffix(2) == [.count(5), .blank])
    }

    @Test func theSummaryShowsThePartnershipsComplianceAgainstTheYearBefore() throws {
        let summary = try BoardWorkbook.sheets(for: year, from: compliancePartnership())[0]
        let row = try #require(summary.tables[0].rows.first { $0[0] == .text(BoardSheets.foundationComplianceMeasure) })
        // 2 of 10 at 31 March 2025 (only the council declared a workforce); 4 of 14 a year later: 20% to 29%, +9 pts.
        #expect(row == [.text(BoardSheets.foundationComplianceMeasure), .percent(0.2), .percent(4.0 / 14.0), .points(9)])
    }

    @Test func theWorkbookReadBackShowsComplianceOnTheTakeUpSheetAndTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compliance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try BoardWorkbook.write(year: year, from: compliancePartnership(), into: folder.path)
        let summary = try SheetGrid.read(sheet: 1, of: path)
        #expect(summary.row(BoardSheets.foundationComplianceMeasure)?.dropFirst() == [.number(0.2), .number(4.0 / 14.0), .number(9)])
        let takeUp = try SheetGrid.read(sheet: 7, of: path)
        #expect(takeUp.row("Calderdale NHS")?.suffix(2) == [.number(2), .number(0.5)])
        #expect(takeUp.row("West Yorkshire Police")?.suffix(2) == [.number(1), .text("–")])
    }
}
