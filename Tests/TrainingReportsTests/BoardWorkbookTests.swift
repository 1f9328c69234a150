import Foundation
import Testing
import TrainingCore
import TrainingStore
import XLSX
@testable import TrainingReports

private func at(_ text: String) -> Date { try! LondonTime.parse(text) }

/// Two years of a small partnership, imported as history, with every figure worked out by hand below.
///
/// 2014-15: session P1 (Introduction to Safeguarding, foundation) delivered 2 June 2014, Amy and Bob
///   (Calderdale Council) attended.
/// 2015-16: session N1 (Introduction to Safeguarding) delivered 10 June 2015: Amy (council) and Cat (no
///   agency recorded) attended, Dan (Calderdale NHS) did not; session N2 (Toxic Trio, intermediate, run
///   virtually) delivered 1 April 2015: Eve (NHS) attended; session N3 cancelled for low numbers.
///   Bob completed FGM Awareness on 3 July 2015. West Yorkshire Police declared 300 staff and trained nobody.
func smallPartnership(now: @escaping @Sendable () -> Date = { at("2016-05-01 09:00") }) throws -> AppDatabase {
    let database = try AppDatabase.inMemory(now: now)
    try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "o")
    try database.addAgency(AgencyDetails(name: "Calderdale NHS", sector: .health), by: "o")
    try database.addAgency(AgencyDetails(name: "West Yorkshire Police", sector: .police, isStatutoryPartner: true), by: "o")
    try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2015), headcount: 40, by: "o")
    try database.setWorkforce(agencyName: "West Yorkshire Police", year: FinancialYear(startYear: 2015), headcount: 300, by: "o")
    func person(_ email: String, _ agency: String?) -> HistoryPerson {
        HistoryPerson(email: try! EmailAddress(email), name: email.components(separatedBy: "@")[0].capitalized, agencyName: agency, sector: nil)
    }
    func session(_ line: Int, _ ref: String, _ title: String, _ level: CourseLevel, _ delivery: DeliveryMode, _ start: String, _ status: SessionStatus) -> SessionHistoryRow {
        SessionHistoryRow(line: line, reference: ref, courseTitle: title, level: level, delivery: delivery, start: at(start), end: nil,
                          venue: nil, capacity: 20, status: status, cancelReason: status == .cancelled ? .lowNumbers : nil)
    }
    func booking(_ line: Int, _ ref: String, _ email: String, _ agency: String?, _ status: BookingStatus) -> BookingHistoryRow {
        BookingHistoryRow(line: line, sessionReference: ref, person: person(email, agency), bookedOn: at("2014-05-01 09:00"), status: status, cancelledOn: nil)
    }
    var history = HistoryImport()
    history.sessions = [
        session(2, "P1", "Introduction to Safeguarding", .foundation, .faceToFace, "2014-06-02 09:30", .delivered),
        session(3, "N1", "Introduction to Safeguarding", .foundation, .faceToFace, "2015-06-10 09:30", .delivered),
        session(4, "N2", "Toxic Trio", .intermediate, .virtual, "2015-04-01 09:30", .delivered),
        session(5, "N3", "Toxic Trio", .intermediate, .faceToFace, "2015-09-01 09:30", .cancelled),
    ]
    history.bookings = [
        booking(2, "P1", "amy@council.example", "Calderdale Council", .attended),
        booking(3, "P1", "bob@council.example", "Calderdale Council", .attended),
        booking(4, "N1", "amy@council.example", "Calderdale Council", .attended),
        booking(5, "N1", "cat@example.org", nil, .attended),
        booking(6, "N1", "dan@nhs.example", "Calderdale NHS", .didNotAttend),
        booking(7, "N2", "eve@nhs.example", "Calderdale NHS", .attended),
    ]
    history.eLearning = [ELearningHistoryRow(line: 2, person: person("bob@council.example", "Calderdale Council"), module: "FGM Awareness",
                                             allocatedOn: LocalDate(year: 2015, month: 7, day: 1)!, startedOn: LocalDate(year: 2015, month: 7, day: 2)!,
                                             completedOn: LocalDate(year: 2015, month: 7, day: 3)!)]
    try database.importHistory(history, by: "o")
    return database
}

@Suite("The board's workbook")
struct BoardWorkbookTests {
    let year = FinancialYear(startYear: 2015)

    @Test func everySheetIsThereInOrderAndEveryTotalAddsUp() throws {
        let sheets = try BoardWorkbook.sheets(for: year, from: smallPartnership())
        #expect(sheets.map(\.name) == ["Summary", "Trends", "Courses", "Attendance by agency", "Courses by level", "E-learning", "Take-up",
                                       "Charges", "Evaluation & impact"])
        for sheet in sheets {
            for table in sheet.tables { #expect(table.totalsMismatches.isEmpty, "\(sheet.name) / \(table.heading): \(table.totalsMismatches)") }
        }
    }

    @Test func theSummaryFiguresWorkedByHand() throws {
        let summary = try BoardWorkbook.sheets(for: year, from: smallPartnership())[0]
        let rows = summary.tables[0].rows
        #expect(rows[0] == [.text("Courses held"), .count(1), .count(2), .count(1)])
        // 0% then 33% (1 of 3): a change of 33 percentage points, never "33%".
        #expect(rows[1] == [.text("% of courses cancelled"), .percent(0), .percent(1.0 / 3.0), .points(33)])
        #expect(rows[2] == [.text("Total attendance"), .count(2), .count(3), .count(1)])
        // 2015-16: Amy, Cat and Eve attended; Bob completed a module.
        #expect(rows[3] == [.text("Learners reached (attended or completed e-learning)"), .count(2), .count(4), .count(2)])
        #expect(rows[4] == [.text("E-learning completions"), .count(0), .count(1), .count(1)])
        #expect(summary.notes.contains("One agency with staff declared had no take-up in 2015-16: West Yorkshire Police."))
        #expect(summary.notes.contains("The largest rise in attendance was at Calderdale NHS: 1 attended in 2015-16, 1 more than in 2014-15."))
        #expect(summary.notes.contains("The largest fall was at Calderdale Council: 1 attended in 2015-16, 1 fewer than in 2014-15."))
    }

    @Test func takeUpListsTheAgencyWithStaffAndNoTakeUpFirstAndHighlighted() throws {
        let takeUp = try BoardWorkbook.sheets(for: year, from: smallPartnership())[6].tables[0]
        #expect(takeUp.rows[0][0] == .text("West Yorkshire Police"))
        #expect(takeUp.highlighted == [0])
        // Calderdale Council: Amy attended and Bob completed a module, 2 of 40.
        #expect(takeUp.rows.first { $0[0] == .text("Calderdale Council") }?[3...4] == [.count(2), .percent(0.05)])
    }

    @Test func theWorkbookIsWrittenWithEverySheetAndTheSameDataGivesTheSameBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try smallPartnership()
        let told = FractionsTold()
        let path = try BoardWorkbook.write(year: year, from: database, into: folder.path, progress: told.record)
        #expect(path.hasSuffix("board-2015-16.xlsx"))
        // Nine sheets and the closing of the file: one tenth more as each sheet is written, 1 once closed.
        let tenths: [Double] = (1...10).map { Double($0) / 10 }
        #expect(told.values == tenths)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        try BoardWorkbook.write(year: year, from: database, into: folder.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        let workbook = try part("xl/workbook.xml", of: path)
        for name in ["Summary", "Trends", "Courses", "Attendance by agency", "Courses by level", "E-learning", "Take-up", "Charges", "Evaluation &amp; impact"] {
            #expect(workbook.contains("<sheet name=\"\(name)\""), "missing sheet \(name)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["board-2015-16.xlsx"])
    }
}

@Suite("The bookings export")
struct BookingExportTests {
    @Test func everyBookingOfTheYearIsARowWithAgencyNotRecordedWhereThereIsNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, rows) = try BookingExport.write(year: FinancialYear(startYear: 2015), from: smallPartnership(), into: folder.path)
        // 2015-16: N2 (1 April: Eve) then N1 (10 June: Amy, Cat, Dan); the cancelled N3 had no bookings.
        #expect(rows == 4)
        let xml = try part("xl/worksheets/sheet1.xml", of: path)
        #expect(xml.contains(#"<c r="A5""#))
        #expect(!xml.contains(#"<c r="A6""#))
        #expect(xml.contains("eve@nhs.example"))
        #expect(xml.contains("Agency not recorded"))   // Cat
        #expect(xml.contains("did-not-attend"))        // Dan
    }

    @Test func bookingsOfSeveralYearsComeInSessionOrderEachOnceAcrossTheBatchesTheyAreHandedOverIn() throws {
        // Two sessions a year for two years, 750 bookings each: 3,000 rows, three batches of a thousand.
        let database = try AppDatabase.inMemory(now: { at("2017-05-01 09:00") })
        try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "o")
        var history = HistoryImport()
        let starts = ["2015-05-01 09:30", "2015-09-01 09:30", "2016-05-01 09:30", "2016-09-01 09:30"]
        history.sessions = starts.enumerated().map { index, start in
            SessionHistoryRow(line: index + 2, reference: "S\(index)", courseTitle: "Toxic Trio", level: .intermediate, delivery: .faceToFace,
                              start: at(start), end: nil, venue: nil, capacity: 800, status: .delivered, cancelReason: nil)
        }
        // Booked newest session first, so booking ids do not already follow the sessions' order.
        history.bookings = HistoryRows((0..<3_000).map { index in
            BookingHistoryRow(line: index + 2, sessionReference: "S\(3 - index / 750)",
                              person: HistoryPerson(email: try! EmailAddress("learner\(index % 750)@council.example"), name: "Learner",
                                                    agencyName: "Calderdale Council", sector: nil),
                              bookedOn: at("2015-04-01 09:00"), status: .attended, cancelledOn: nil)
        })
        try database.importHistory(history, by: "o")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, rows) = try BookingExport.write(year: FinancialYear(startYear: 2015), through: FinancialYear(startYear: 2016),
                                                   from: database, into: folder.path)
        #expect(rows == 3_000)
        let grid = try SheetGrid.read(sheet: 1, of: path)
        let bookingIds = (1...3_000).map { grid.rows[$0]?[0]?.description ?? "" }
        let sessionRefs = (1...3_000).map { grid.rows[$0]?[2]?.description ?? "" }
        // Session S0's bookings were the last imported (ids 2,251-3,000), S3's the first (1-750).
        let expectedIds = (0..<4).flatMap { session in (1...750).map { String((3 - session) * 750 + $0) } }
        #expect(bookingIds == expectedIds)
        #expect(sessionRefs == (0..<4).flatMap { Array(repeating: "S\($0)", count: 750) })
    }

    @Test func rowsBeyondASheetsLimitGoOnToTheNextSheetUnderTheSameHeader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.xlsx").path
        let workbook = try Workbook(path: path, options: .init(constantMemory: true))
        let sheets = try BookingExport.Sheets(named: "Bookings", in: workbook, rowsPerSheet: 3)
        for booking in 1...7 { try sheets.append([.integer(booking)]) }
        try workbook.close()
        #expect(sheets.rows == 7)
        let workbookXML = try part("xl/workbook.xml", of: path)
        #expect(workbookXML.contains(#"name="Bookings""#) && workbookXML.contains(#"name="Bookings (2)""#)
                && workbookXML.contains(#"name="Bookings (3)""#))
        let second = try part("xl/worksheets/sheet2.xml", of: path), third = try part("xl/worksheets/sheet3.xml", of: path)
        #expect(second.contains(#"<c r="A4""#) && !second.contains(#"<c r="A5""#))   // the header and bookings 4 to 6
        #expect(third.contains(#"<c r="A2""#) && !third.contains(#"<c r="A3""#))     // the header and booking 7
    }
}

@Suite("The quarterly return")
struct QuarterlyReturnTests {
    @Test func aQuarterComparesWithTheSameQuarterAYearEarlier() throws {
        let database = try smallPartnership()
        let q1 = try Quarter.parse("2015-16-Q1")
        let sheets = try BoardWorkbook.sheets(for: q1, from: database).filter { BoardWorkbook.quarterlySheets.contains($0.name) }
        #expect(sheets.map(\.name) == ["Summary", "Courses", "E-learning", "Take-up"])
        // 2015-16 Q1 (April–June 2015): N2 on 1 April and N1 on 10 June, 3 attended; 2014-15 Q1: P1 on 2 June 2014, 2 attended.
        let headline = sheets[0].tables[0].rows
        #expect(headline[0] == [.text("Courses held"), .count(1), .count(2), .count(1)])
        #expect(headline[2] == [.text("Total attendance"), .count(2), .count(3), .count(1)])
        #expect(sheets[0].tables[0].columns == ["", "2014-15-Q1", "2015-16-Q1", "Change"])
        // Q2 holds the cancelled N3 (1 September) and Bob's completion (3 July).
        let q2 = try BoardWorkbook.sheets(for: Quarter.parse("2015-16-Q2"), from: database)
        #expect(q2[1].tables[0].rows[1] == [.text("Courses cancelled"), .count(0), .count(1), .count(1)])
        #expect(q2[4].tables[0].rows.map { $0[0] } == [.text("2014-15 Q2"), .text("2015-16 Q2")])
        for sheet in sheets + q2 { for table in sheet.tables { #expect(table.totalsMismatches.isEmpty, "\(sheet.name): \(table.heading)") } }
    }

    @Test func theQuarterlyFileHasItsFourSheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quarter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let told = FractionsTold()
        let path = try BoardWorkbook.writeQuarterly(quarter: Quarter.parse("2015-16-Q2"), from: smallPartnership(), into: folder.path,
                                                    progress: told.record)
        #expect(path.hasSuffix("quarter-2015-16-Q2.xlsx"))
        #expect(told.values == [0.2, 0.4, 0.6, 0.8, 1])   // four sheets and the closing of the file
        let workbook = try part("xl/workbook.xml", of: path)
        #expect(["Summary", "Courses", "E-learning", "Take-up"].allSatisfy { workbook.contains("<sheet name=\"\($0)\"") })
        #expect(!workbook.contains("Charges"))
    }
}

@Suite("An agency's own workbook")
struct AgencyWorkbookTests {
    @Test func itHoldsTheAgencysBookingsAndNothingOfAnyOtherAgency() throws {
        let database = try smallPartnership()
        let sheets = try AgencyWorkbook.sheets(agencyName: "calderdale nhs", year: FinancialYear(startYear: 2015), from: database)
        #expect(sheets.map(\.name) == ["Summary", "Bookings", "Charges"])
        // Calderdale NHS in 2015-16: Eve attended N2, Dan did not attend N1; nothing in 2014-15.
        let summary = sheets[0].tables[0]
        #expect(summary.heading == "Calderdale NHS, 2015-16")
        #expect(summary.rows[0] == [.text("Places booked"), .count(0), .count(2), .count(2)])
        #expect(summary.rows[1] == [.text("Attended"), .count(0), .count(1), .count(1)])
        #expect(summary.rows[2] == [.text("Did not attend"), .count(0), .count(1), .count(1)])
        let learners = sheets[1].tables[0].rows.map { $0[3] }
        #expect(learners == [.text("Eve"), .text("Dan")])
        let everything = String(describing: sheets)
        for other in ["Amy", "Bob", "Cat", "Calderdale Council"] { #expect(!everything.contains(other), "\(other) leaked into the NHS workbook") }
    }

    @Test func theFileIsNamedAfterTheAgency() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let told = FractionsTold()
        let path = try AgencyWorkbook.write(agencyName: "Calderdale NHS", year: FinancialYear(startYear: 2015), from: smallPartnership(),
                                            into: folder.path, progress: told.record)
        #expect(path.hasSuffix("agency-calderdale-nhs-2015-16.xlsx"))
        #expect(told.values == [0.25, 0.5, 0.75, 1])      // three sheets and the closing of the file
    }

    @Test func anUnknownAgencyIsRefused() throws {
        #expect(throws: UnknownAgency.self) {
            try AgencyWorkbook.sheets(agencyName: "Nowhere Trust", year: FinancialYear(startYear: 2015), from: smallPartnership())
        }
    }
}

/// The fractions a progress callback was told, in order.
final class FractionsTold {
    var values: [Double] = []
    func record(_ fraction: Double) { values.append(fraction) }
}
