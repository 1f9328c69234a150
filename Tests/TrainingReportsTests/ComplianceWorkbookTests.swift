import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// The agency's compliance workbook as at Sunday 1 March 2026, read back from the file, on
/// `compliancePartnership()`'s people: the council's Amy (Introduction due 1 April 2026: within 90 days),
/// Ben (due 30 March 2026), Cat (FGM Awareness due 1 June 2028), Dan (Toxic Trio due 1 September 2026)
/// and Eve (CSE briefing, no refresher).
@Suite("The agency's compliance workbook")
struct ComplianceWorkbookTests {
    /// Writes the council's workbook (or every agency's) into a fresh folder and reads `sheet` back.
    func sheet(_ index: Int, agency: String? = "Calderdale Council") throws -> (path: String, grid: SheetGrid) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compliance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ComplianceWorkbook.write(agencyName: agency, from: compliancePartnership(), into: folder.path)
        return ((path as NSString).lastPathComponent, try SheetGrid.read(sheet: index, of: path))
    }

    @Test func theWorkbookIsNamedAfterTheAgencyAndTheDay() throws {
        #expect(try sheet(1).path == "compliance-calderdale-council-2026-03-01.xlsx")
        #expect(try sheet(1, agency: nil).path == "compliance-every-agency-2026-03-01.xlsx")
    }

    @Test func eachMemberOfStaffIsOneRowWithEachCoursesDates() throws {
        let staff = try sheet(2).grid
        let header = try #require(staff.row("Name"))
        #expect(Array(header.prefix(6)) == ["Name", "Email", "Job role", "Standing", "Next due", "Course next due"].map(ReadCell.text))
        // The courses anyone has done, foundation first: CSE briefing (no refresher: no due column), FGM Awareness,
        // Introduction to Safeguarding, then Toxic Trio.
        #expect(Array(header.dropFirst(6)) == ["CSE briefing: last done", "FGM Awareness: last done", "FGM Awareness: due again",
                                                "Introduction to Safeguarding: last done", "Introduction to Safeguarding: due again",
                                                "Toxic Trio: last done", "Toxic Trio: due again"].map(ReadCell.text))
        #expect(staff.row("Amy") == ["Amy", "amy@example.org", "", "Due within 90 days", "2026-04-01", "Introduction to Safeguarding",
                                     "", "", "", "2023-04-01", "2026-04-01"].map(ReadCell.text))
        #expect(staff.row("Cat").map { Array($0.prefix(9)) } == ["Cat", "cat@example.org", "", "Up to date", "2028-06-01", "FGM Awareness",
                                                "", "2025-06-01", "2028-06-01"].map(ReadCell.text))
        #expect(staff.row("Eve").map { Array($0.prefix(7)) } == ["Eve", "eve@example.org", "", "No refresher due", "", "", "2025-05-05"].map(ReadCell.text))
        #expect(!staff.allText.contains("Fay") && !staff.allText.contains("Hal"))   // another agency's staff
    }

    @Test func theDueSheetListsEachCourseDueWithinNinetyDaysSoonestFirst() throws {
        let due = try sheet(3).grid
        #expect(due.row("Ben") == ["Ben", "ben@example.org", "Introduction to Safeguarding", "2023-03-30", "2026-03-30", "Due within 90 days"].map(ReadCell.text))
        #expect(due.row("Amy")?[4] == .text("2026-04-01"))
        #expect(due.row("Cat") == nil && due.row("Dan") == nil)
    }

    @Test func theSummaryCountsWhereTheStaffStandByCourse() throws {
        let summary = try sheet(1).grid
        #expect(summary.row("Introduction to Safeguarding") == [.text("Introduction to Safeguarding"), .text("Foundation"), .text("every 36 months"),
                                                                .number(2), .number(0), .number(2), .number(0)])
        #expect(summary.row("CSE briefing")?.prefix(4) == [.text("CSE briefing"), .text("Foundation"), .text("none"), .number(1)])
        // Five staff: Cat, Dan and Eve up to date or with no refresher due, Amy and Ben with something due.
        #expect(summary.row("Calderdale Council") == [.text("Calderdale Council"), .number(5), .number(2), .number(2), .number(0)])
    }

    @Test func everyAgencysWorkbookHasAnAgencyColumn() throws {
        let staff = try sheet(2, agency: nil).grid
        #expect(staff.row("Calderdale NHS")?.prefix(2) == [.text("Calderdale NHS"), .text("Fay")])
        #expect(staff.row("West Yorkshire Police")?.prefix(2) == [.text("West Yorkshire Police"), .text("Hal")])
    }
}
