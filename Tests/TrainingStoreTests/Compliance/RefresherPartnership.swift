import Foundation
import TrainingCore
@testable import TrainingStore

/// `Programme`'s partnership with refresher intervals and a history, every date worked by hand below.
///
/// Introduction to Safeguarding (foundation) is refreshed every 36 months, Awareness of Domestic Abuse
/// (e-learning) every 12; Designated Safeguarding Lead has no refresher. Imported history:
/// - Sam (council) attended Introduction on 20 October 2022 (due 20 October 2025) and Designated
///   Safeguarding Lead on 5 May 2021;
/// - Jo (council) attended Introduction on 15 December 2022 (due 15 December 2025) and completed the
///   e-learning on 20 November 2023 and again on 10 December 2024 (due 10 December 2025);
/// - Kim (council) attended Introduction on 15 January 2020 and again on 1 June 2023 (due 1 June 2026);
/// - Ann (NHS) attended Introduction on 20 October 2022 (due 20 October 2025).
/// Scheduled: Introduction on Monday 17 November 2025 (open) and on Friday 7 November 2025, its bookings
/// closing on 1 November (closed on Monday 3 November 2025, the fixture's usual day).
struct RefresherPartnership {
    let programme: Programme
    var database: AppDatabase { programme.database }
    var clock: TestClock { programme.clock }
    let council: Int64
    let nhs: Int64
    let openSession: Int64
    let closedSession: Int64

    init(clock: TestClock = TestClock("2025-11-03 09:00")) throws {
        programme = try Programme(clock: clock)
        var introduction = course(Programme.halfDay, capacity: 20)
        introduction.refresherMonths = 36
        var module = course(Programme.module, delivery: .eLearning, capacity: 1, minimum: 0)
        module.refresherMonths = 12
        try programme.database.importCatalogue([entry(introduction), entry(module)], by: "officer")
        try programme.database.importHistory(Self.history(), by: "officer")
        council = try programme.database.agency(named: "Calderdale Council").id!
        nhs = try programme.database.agency(named: "Calderdale NHS").id!
        openSession = try programme.halfDaySession()
        closedSession = try programme.database.scheduleSession(SessionPlan(
            courseTitle: Programme.halfDay, start: at("2025-11-07 09:30"), end: at("2025-11-07 12:30"), venue: "Brighouse Library",
            bookingCutoff: at("2025-11-01 17:00")), by: "officer").id!
    }

    static func history() -> HistoryImport {
        func person(_ email: String, _ name: String, _ agency: String) -> HistoryPerson {
            HistoryPerson(email: try! EmailAddress(email), name: name, agencyName: agency, sector: nil)
        }
        let sam = person("sam@council.example", "Sam Patel", "Calderdale Council"), jo = person("jo@council.example", "Jo Bloggs", "Calderdale Council")
        let kim = person("kim@council.example", "Kim Lee", "Calderdale Council"), ann = person("ann@nhs.example", "Ann Nurse", "Calderdale NHS")
        func session(_ line: Int, _ reference: String, _ title: String, _ level: CourseLevel, _ start: String) -> SessionHistoryRow {
            SessionHistoryRow(line: line, reference: reference, courseTitle: title, level: level, delivery: .faceToFace, start: at(start),
                              end: nil, venue: "Halifax", capacity: 20, status: .delivered, cancelReason: nil)
        }
        func attended(_ line: Int, _ reference: String, _ who: HistoryPerson) -> BookingHistoryRow {
            BookingHistoryRow(line: line, sessionReference: reference, person: who, bookedOn: at("2019-01-01 09:00"), status: .attended, cancelledOn: nil)
        }
        func completed(_ line: Int, _ who: HistoryPerson, _ on: String) -> ELearningHistoryRow {
            let day = try! LocalDate.parse(on)
            return ELearningHistoryRow(line: line, person: who, module: Programme.module, allocatedOn: day.adding(days: -7),
                                       startedOn: day.adding(days: -7), completedOn: day)
        }
        var history = HistoryImport()
        history.sessions = [
            session(2, "H0", Programme.halfDay, .foundation, "2020-01-15 09:30"),
            session(3, "H1", Programme.halfDay, .foundation, "2022-10-20 09:30"),
            session(4, "H2", Programme.halfDay, .foundation, "2022-12-15 09:30"),
            session(5, "H3", Programme.halfDay, .foundation, "2023-06-01 09:30"),
            session(6, "H4", Programme.fullDay, .advanced, "2021-05-05 09:30"),
        ]
        history.bookings = [
            attended(2, "H1", sam), attended(3, "H4", sam), attended(4, "H2", jo), attended(5, "H0", kim), attended(6, "H3", kim),
            attended(7, "H1", ann),
        ]
        history.eLearning = [completed(2, jo, "2023-11-20"), completed(3, jo, "2024-12-10")]
        return history
    }
}

/// A London calendar day written `YYYY-MM-DD`.
func refresherDay(_ text: String) -> LocalDate { try! LocalDate.parse(text) }
