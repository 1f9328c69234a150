import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// A report handed a door's handle (the web's `reading`, whose view is the database's on the thread running
/// the door) reads in turn on that thread: on two threads at once, the second thread used the view's
/// connection and GRDB stopped the program ("Database was not used on the correct thread"). Through a view
/// a report is the same as read from the database itself, on two connections at once.
@Suite("Reports read through a door")
struct ReportsThroughADoorTests {
    let year = FinancialYear(startYear: 2015)

    @Test func theBoardsFiguresReadThroughAViewAreThoseReadFromTheDatabase() async throws {
        let database = try smallPartnership()
        let direct = BoardWorkbook.sheets(of: try BoardFigures.read(year, from: database))
        let viewed = try await database.reading { view in BoardWorkbook.sheets(of: try BoardFigures.read(self.year, from: view)) }
        #expect(viewed == direct)
    }

    @Test func theQuartersFiguresReadThroughAViewAreThoseReadFromTheDatabase() async throws {
        let database = try smallPartnership()
        let quarter = try Quarter.parse("2015-16-Q1")
        let direct = try BoardWorkbook.sheets(for: quarter, from: database)
        #expect(try await database.reading { view in try BoardWorkbook.sheets(for: quarter, from: view) } == direct)
    }

    @Test func theExportWrittenThroughAViewIsTheFileWrittenFromTheDatabase() async throws {
        let folders = try ["direct", "viewed"].map { name in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(name)-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return folder
        }
        defer { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
        let database = try smallPartnership()
        let direct = try BookingExport.write(year: year, from: database, into: folders[0])
        let viewed = try await database.reading { view in try BookingExport.write(year: self.year, from: view, into: folders[1]) }
        #expect(viewed.rows == direct.rows)
        #expect(try Data(contentsOf: URL(fileURLWithPath: viewed.path)) == Data(contentsOf: URL(fileURLWithPath: direct.path)))
    }
}
