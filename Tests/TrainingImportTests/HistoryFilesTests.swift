import Foundation
import Testing
import TrainingCore
@testable import TrainingImport

@Suite("History files")
struct HistoryFilesTests {
    @Test func sessionsAreReadWithAnyOfTheDateForms() {
        var problems: [InputError] = []
        let rows = HistoryFiles.parseSessions("""
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            S1,Introduction to Safeguarding,foundation,virtual,2020-05-12T09:30,2020-05-12T12:30,Teams,25,delivered,
            S2,Toxic Trio,intermediate,face-to-face,12/06/2020,,,20,cancelled,low numbers
            """, file: "s.csv", problems: &problems)
        #expect(problems.isEmpty)
        #expect(rows.map(\.reference) == ["S1", "S2"])
        #expect(rows[0].delivery == .virtual)
        #expect(LondonTime.format(rows[0].start) == "2020-05-12 09:30")
        #expect(LondonTime.format(rows[1].start) == "2020-06-12 09:00")  // a day alone starts at 09:00
        #expect(rows[1].end == nil)
        #expect(rows[1].cancelReason == .lowNumbers)
    }

    @Test func anELearningRecordStartedOrCompletedBeforeItsAllocationDayIsReadAsItHappened() {
        var problems: [InputError] = []
        let rows = HistoryFiles.parseELearning("""
            learner_email,learner_name,agency,sector,module,allocated_on,started_on,completed_on
            amy@council.example,Amy,Council,Local Authority,FGM Awareness,2016-05-10,2016-05-01,2016-05-02
            ben@council.example,Ben,Council,Local Authority,FGM Awareness,2016-05-10,,2016-05-02
            cat@council.example,Cat,Council,Local Authority,FGM Awareness,2016-05-10,2016-05-12,2016-05-11
            """, file: "e.csv", problems: &problems)
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0].startedOn == LocalDate(year: 2016, month: 5, day: 1))
        #expect(problems.map(\.description) == ["e.csv, line 4, field 'completed_on': completed before it was started"])
    }

    @Test func readingReportsEachFileByItsShareOfTheBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sessions = folder.appendingPathComponent("s.csv"), bookings = folder.appendingPathComponent("b.csv")
        let sessionText = """
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            S1,Course,foundation,virtual,2020-05-12,,,25,delivered,

            """
        let bookingText = "session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on\n"
            + (1...2_000).map { "S1,person\($0)@council.example,Person \($0),Council,Local Authority,2020-04-01,attended,\n" }.joined()
        try sessionText.write(to: sessions, atomically: true, encoding: .utf8)
        try bookingText.write(to: bookings, atomically: true, encoding: .utf8)
        let told = FractionsTold()
        let history = HistoryFiles.read(sessions: sessions, bookings: bookings, eLearning: nil, evaluations: nil,
                                        names: { $0.lastPathComponent }, progress: told.record)
        #expect(history.problems.isEmpty)
        // The sessions file's share when its one line is checked; the bookings file is read as the import
        // takes it, its share filled as its blocks are read (here one block, the whole file).
        let sessionShare = Double(sessionText.utf8.count) / Double(sessionText.utf8.count + bookingText.utf8.count)
        #expect(told.values.count == 1)
        #expect(abs(told.values[0] - sessionShare) < 1e-12)
        let rows = try items(of: history.bookings)
        #expect(rows.count == 2_000)
        #expect(told.values.count == 2)
        #expect(told.values.last == 1)
    }

    @Test func everyBadLineOfEveryFileIsReportedNotJustTheFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sessions = folder.appendingPathComponent("s.csv"), bookings = folder.appendingPathComponent("b.csv")
        try """
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            S1,Course,basic,virtual,2020-05-12,,,25,delivered,
            S2,Course,foundation,virtual,2020-05-13,,,25,held,
            """.write(to: sessions, atomically: true, encoding: .utf8)
        try """
            session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on
            S1,not-an-email,Sam,Council,Local Authority,2020-04-01,attended,
            """.write(to: bookings, atomically: true, encoding: .utf8)
        let history = HistoryFiles.read(sessions: sessions, bookings: bookings, eLearning: nil, evaluations: nil, names: { $0.lastPathComponent })
        let bookingProblems = try items(of: history.bookings).compactMap { item -> InputError? in
            if case .problem(let problem) = item { return problem }
            return nil
        }
        let problems = history.problems + bookingProblems
        #expect(problems.map(\.description) == [
            "s.csv, line 2, field 'level': unknown level 'basic' (expected one of: foundation, intermediate, advanced)",
            "s.csv, line 3, field 'status': unknown session status 'held' (expected one of: scheduled, delivered, cancelled)",
            "b.csv, line 2, field 'learner_email': 'not-an-email' is not an email address",
        ])
        #expect(history.unreadableSessions == ["S1", "S2"])
        #expect(InputProblems(problems).localizedDescription.hasPrefix("3 problems found; nothing was imported:\n"))
    }
}

/// The fractions a progress callback was told, in order.
final class FractionsTold {
    var values: [Double] = []
    func record(_ fraction: Double) { values.append(fraction) }
}

/// Every item of rows read from a file, in order.
func items<Row>(of rows: HistoryRows<Row>) throws -> [HistoryRows<Row>.Item] {
    var all: [HistoryRows<Row>.Item] = []
    try rows.forEachBatch { all += $0 }
    return all
}
