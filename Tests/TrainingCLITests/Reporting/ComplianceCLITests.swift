import Foundation
import Testing

/// `training report compliance`: an agency's compliance workbook, or every agency's, as at today.
@Suite("training report compliance")
struct ComplianceCLITests {
    /// Today in London, `YYYY-MM-DD`, as the workbook's name has it.
    var today: String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    func workspaceWithStaff() throws -> Workspace {
        let workspace = Workspace()
        #expect(try workspace.run(["init"]).status == 0)
        #expect(try workspace.run(["catalogue", "import", packageRoot.appendingPathComponent("Courses").path]).status == 0)
        #expect(try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority"]).status == 0)
        #expect(try workspace.run(["learner", "add", "Sam Patel", "sam@council.example", "--agency", "Calderdale Council"]).status == 0)
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("Reports"), withIntermediateDirectories: true)
        return workspace
    }

    @Test func anAgencysWorkbookIsWrittenNamedAfterItAndTheDay() throws {
        let workspace = try workspaceWithStaff()
        let result = try workspace.run(["report", "compliance", "Calderdale Council", "--out", "Reports"])
        #expect(result.status == 0, "\(result.errors)")
        let path = workspace.folder.appendingPathComponent("Reports/compliance-calderdale-council-\(today).xlsx").path
        #expect(result.output == "Wrote \(path).\n")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func withoutAnAgencyEveryAgencysStaffAreInOneWorkbook() throws {
        let workspace = try workspaceWithStaff()
        let result = try workspace.run(["report", "compliance", "--out", "Reports"])
        #expect(result.output == "Wrote \(workspace.folder.appendingPathComponent("Reports/compliance-every-agency-\(today).xlsx").path).\n")
    }

    @Test func anUnknownAgencyIsRefusedWithWhereTheAgenciesAreListed() throws {
        let workspace = try workspaceWithStaff()
        let result = try workspace.run(["report", "compliance", "Nowhere", "--out", "Reports"])
        #expect(result.status == 1)
        #expect(result.errors.contains("unknown agency 'Nowhere'") && result.errors.contains("training agency list"))
    }
}
