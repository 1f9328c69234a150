import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingReports

/// A clock a test moves by hand.
private final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ london: String) { current = try! LondonTime.parse(london) }
    func set(_ london: String) { lock.withLock { current = try! LondonTime.parse(london) } }
    var function: @Sendable () -> Date { { self.lock.withLock { self.current } } }
}

@Suite("Data protection and the board's figures")
struct DataProtectionWorkbookTests {
    @Test func retentionAnonymisesEveryoneAndTheBoardWorkbookOfEitherYearIsByteForByteTheSame() throws {
        let clock = MovableClock("2016-05-01 09:00")
        let database = try smallPartnership(now: clock.function)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retention-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let years = [FinancialYear(startYear: 2014), FinancialYear(startYear: 2015)]
        let before = try years.map { try Data(contentsOf: URL(fileURLWithPath: BoardWorkbook.write(year: $0, from: database, into: folder.path))) }

        // On 1 May 2023 the cutoff is 1 May 2017: all five learners (last seen in 2015 or at the import in
        // May 2016) are anonymised, and every audit entry (May 2016) is deleted.
        clock.set("2023-05-01 09:00")
        let run = try database.applyRetention(dryRun: false, by: "officer")
        #expect(run.learnersToAnonymise.count == 5)
        #expect(try database.learners().allSatisfy { $0.learner.name.hasPrefix("Anonymised learner #") && $0.learner.email == nil })

        let after = try years.map { try Data(contentsOf: URL(fileURLWithPath: BoardWorkbook.write(year: $0, from: database, into: folder.path))) }
        #expect(after == before)
    }

    @Test func theSubjectAccessWorkbookHasASheetPerKindOfRecordWithTheValuesAsWritten() throws {
        let database = try smallPartnership()
        let record = try database.subjectAccess(email: "amy@council.example")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("amy.xlsx").path
        try SubjectAccessWorkbook.write(record, partnershipName: "Calderdale", to: path)
        let workbook = try part("xl/workbook.xml", of: path)
        for name in ["Details", "Bookings", "Booking history", "Charges", "E-learning licences", "Evaluations", "Follow-ups",
                     "Evaluation links", "Notifications", "Audit entries"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""), "missing sheet \(name)")
        }
        let details = try SheetGrid.read(sheet: 1, of: path)
        #expect(details.row("Amy")?.prefix(4) == [.text("Amy"), .text("amy@council.example"), .text("Calderdale Council"), .text("Local Authority")])
        let bookings = try SheetGrid.read(sheet: 2, of: path)
        #expect(bookings.allText.contains("Introduction to Safeguarding"))
        #expect(!bookings.allText.contains("bob@council.example"))
        #expect(bookings.rows.values.filter { $0[2] == .text("foundation") }.count == 2)   // P1 in 2014 and N1 in 2015
    }
}
