import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// The board workbook of `smallPartnership()` for 2015-16, read back from the file, against the figures
/// worked out by hand in that fixture's comment.
@Suite("The board's workbook read back")
struct BoardWorkbookReadBackTests {
    /// Writes the workbook into a fresh folder, reads one sheet back and removes the folder.
    func sheet(_ index: Int) throws -> SheetGrid {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readback-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try BoardWorkbook.write(year: FinancialYear(startYear: 2015), from: smallPartnership(), into: folder.path)
        return try SheetGrid.read(sheet: index, of: path)
    }
    func n(_ value: Double) -> ReadCell { .number(value) }

    @Test func summary() throws {
        let grid = try sheet(1)
        #expect(grid.row("Local Safeguarding Children Partnership — Summary, 2015-16 compared with 2014-15") != nil)
        #expect(grid.row("Courses held") == [.text("Courses held"), n(1), n(2), n(1)])
        #expect(grid.row("% of courses cancelled") == [.text("% of courses cancelled"), n(0), n(1.0 / 3.0), n(33)])   // +33 pts
        #expect(grid.row("Total attendance") == [.text("Total attendance"), n(2), n(3), n(1)])
        #expect(grid.row("Learners reached (attended or completed e-learning)")?.dropFirst() == [n(2), n(4), n(2)])
        #expect(grid.row("E-learning completions")?.dropFirst() == [n(0), n(1), n(1)])
        #expect(grid.row("E-learning licences allocated")?.dropFirst() == [n(0), n(1), n(1)])
        #expect(grid.row("Charges raised")?.dropFirst() == [n(0), n(0), n(0)])
        #expect(grid.allText.contains("One agency with staff declared had no take-up in 2015-16: West Yorkshire Police."))
    }

    @Test func courses() throws {
        let grid = try sheet(3)
        #expect(grid.row("Courses held") == [.text("Courses held"), n(1), n(2), n(1)])
        #expect(grid.row("Courses cancelled") == [.text("Courses cancelled"), n(0), n(1), n(1)])
        // By level: foundation held 1 (P1) then 1 (N1); intermediate 0 then 1 held (N2) and 1 cancelled (N3).
        #expect(grid.row("Foundation")?.dropFirst() == [n(1), n(0), n(0), n(1), n(0), n(0)])
        #expect(grid.row("Intermediate")?.dropFirst().prefix(5) == [n(0), n(0), .text("–"), n(1), n(1)])
        #expect(grid.row("Virtual")?.dropFirst().prefix(5) == [n(0), n(0), .text("–"), n(1), n(0)])
        #expect(grid.row("Low numbers") == [.text("Low numbers"), n(0), n(1)])
    }

    @Test func attendanceByAgency() throws {
        let grid = try sheet(4)
        #expect(grid.row("Calderdale Council", column: 1) == [.text("Local Authority"), .text("Calderdale Council"), n(2), n(1), n(-1)])
        #expect(grid.row("Calderdale NHS", column: 1) == [.text("Health"), .text("Calderdale NHS"), n(0), n(1), n(1)])
        #expect(grid.row("West Yorkshire Police", column: 1) == [.text("Police"), .text("West Yorkshire Police"), n(0), n(0), n(0)])
        #expect(grid.row("Agency not recorded", column: 1) == [.text("Agency not recorded"), .text("Agency not recorded"), n(0), n(1), n(1)])
        #expect(grid.row("TOTAL") == [.text("TOTAL"), .text(""), n(2), n(3), n(1)])
    }

    @Test func coursesByLevel() throws {
        let grid = try sheet(5)
        // N1: 20 places, Amy and Cat attended, Dan did not; N2: 20 places, Eve attended.
        #expect(grid.row("Introduction to Safeguarding") == [.text("Introduction to Safeguarding"), n(1), n(20), n(3), n(2), n(1), n(0.15)])
        #expect(grid.row("Toxic Trio") == [.text("Toxic Trio"), n(1), n(20), n(1), n(1), n(0), n(0.05)])
        #expect(grid.row("Grand Total") == [.text("Grand Total"), n(2), n(40), n(4), n(3), n(1), n(0.1)])
    }

    @Test func eLearningTakeUpChargesAndImpact() throws {
        let eLearning = try sheet(6)
        #expect(eLearning.row("2015-16 Q2") == [.text("2015-16 Q2"), n(1), n(1), n(1), n(0)])   // Bob, July 2015
        #expect(eLearning.row("FGM Awareness") == [.text("FGM Awareness"), n(1), n(1), n(1), n(0)])
        let takeUp = try sheet(7)
        // The last two: nobody in date with a foundation course with a refresher interval (history's courses have none), 0 of 300.
        #expect(takeUp.row("West Yorkshire Police") == [.text("West Yorkshire Police"), .text("Police"), n(300), n(0), n(0), .text("–"), .text("–"),
                                                        n(0), n(0)])
        #expect(takeUp.row("Calderdale Council")?.prefix(5) == [.text("Calderdale Council"), .text("Local Authority"), n(40), n(2), n(0.05)])
        let charges = try sheet(8)
        #expect(charges.row("Total") == [.text("Total"), n(0), n(0), n(0), n(0), n(0)])
        let impact = try sheet(9)
        #expect(impact.row("All courses")?.prefix(4) == [.text("All courses"), n(3), n(0), n(0)])
        #expect(!impact.allText.contains("Amy") && !impact.allText.contains("@"))
    }
}
