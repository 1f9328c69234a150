import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Import from a previous system")
struct HistoryImportTests {
    func person(_ email: String, _ name: String, _ agency: String?, _ sector: Sector?) -> HistoryPerson {
        HistoryPerson(email: try! EmailAddress(email), name: name, agencyName: agency, sector: sector)
    }

    /// The four bookings of `history()`.
    func bookingRows() -> [BookingHistoryRow] {
        [
            BookingHistoryRow(line: 2, sessionReference: "2015-001", person: person("a@council.example", "Amy", "Calderdale Council", nil),
                              bookedOn: at("2015-05-01 10:00"), status: .attended, cancelledOn: nil),
            BookingHistoryRow(line: 3, sessionReference: "2015-001", person: person("b@nursery.example", "Ben", "Little Acorns", .earlyYears),
                              bookedOn: at("2015-05-02 10:00"), status: .attended, cancelledOn: nil),
            BookingHistoryRow(line: 4, sessionReference: "2015-001", person: person("c@unknown.example", "Cat", nil, nil),
                              bookedOn: at("2015-05-03 10:00"), status: .didNotAttend, cancelledOn: nil),
            BookingHistoryRow(line: 5, sessionReference: "2015-001", person: person("d@council.example", "Dan", "Calderdale Council", nil),
                              bookedOn: at("2015-05-04 10:00"), status: .cancelled, cancelledOn: at("2015-06-08 09:00")),
        ]
    }

    /// Two sessions of a course not in the catalogue, one run virtually; four bookings (one with no agency
    /// recorded, one cancelled); a module completed with no licence pool; one evaluation.
    func history() -> HistoryImport {
        var history = HistoryImport()
        history.sessions = [
            SessionHistoryRow(line: 2, reference: "2015-001", courseTitle: "Toxic Trio", level: .intermediate, delivery: .faceToFace,
                              start: at("2015-06-10 09:30"), end: at("2015-06-10 16:00"), venue: "Halifax", capacity: 2, status: .delivered, cancelReason: nil),
            SessionHistoryRow(line: 3, reference: "2020-007", courseTitle: "Toxic Trio", level: .intermediate, delivery: .virtual,
                              start: at("2020-05-12 09:30"), end: nil, venue: nil, capacity: nil, status: .cancelled, cancelReason: .lowNumbers),
        ]
        history.bookings = HistoryRows(bookingRows())
        history.eLearning = [
            ELearningHistoryRow(line: 2, person: person("a@council.example", "Amy", "Calderdale Council", nil), module: Programme.module,
                                allocatedOn: LocalDate(year: 2015, month: 7, day: 1)!, startedOn: LocalDate(year: 2015, month: 7, day: 2)!,
                                completedOn: LocalDate(year: 2015, month: 7, day: 3)!),
        ]
        history.evaluations = [
            HistoricalEvaluation(line: 2, sessionReference: "2015-001", learnerEmail: "b@nursery.example",
                                 submittedOn: LocalDate(year: 2015, month: 6, day: 11)!,
                                 answers: try! EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                                                 bestPart: "Real cases", practiceChange: nil, improve: nil)),
        ]
        return history
    }

    @Test func historyIsImportedAsFactsWithoutInventingCharges() throws {
        let programme = try Programme()
        let summary = try programme.database.importHistory(history(), by: "officer")
        #expect(summary == HistoryImportSummary(coursesAdded: 1, agenciesAdded: 1, learnersAdded: 4, sessionsAdded: 2, sessionsUnchanged: 0,
                                                bookingsAdded: 4, bookingsUnchanged: 0, allocationsAdded: 1, allocationsUnchanged: 0,
                                                evaluationsAdded: 1, evaluationsUnchanged: 0))
        let course = try programme.database.course(titled: "Toxic Trio").definition
        #expect(course.level == .intermediate)
        #expect(course.delivery == .faceToFace)
        let sessions = try programme.database.sessions(courseTitle: "Toxic Trio")
        #expect(sessions.map(\.session.delivery.rawValue) == ["face-to-face", "virtual"])     // the 2020 run was virtual
        #expect(sessions[1].session.cancelReason?.rawValue == "low-numbers")
        #expect(sessions[1].session.minutes == 390)                                  // the course's duration
        #expect(try programme.database.count("charge") == 0)
        #expect(try programme.database.licenceFigures(period: FinancialYear(startYear: 2015)).total.completed == 1)
        let takeUp = try programme.database.takeUp(period: FinancialYear(startYear: 2015))
        #expect(takeUp.first { $0.agencyName == "Calderdale Council" }?.learnersReached == 1)   // Amy: attended and completed, once
        #expect(takeUp.first { $0.agencyName == "Little Acorns" }?.sector == .earlyYears)
        #expect(try programme.database.impact(period: FinancialYear(startYear: 2015)).overall.figures.responses == 1)
    }

    @Test func importProgressRisesEveryThousandRowsOfEveryFileToOne() throws {
        let programme = try Programme()
        var history = history()
        history.bookings = HistoryRows((1...2_500).map { index in
            BookingHistoryRow(line: index + 1, sessionReference: "2015-001",
                              person: person("learner\(index)@council.example", "Learner \(index)", "Calderdale Council", nil),
                              bookedOn: at("2015-05-01 10:00"), status: .attended, cancelledOn: nil)
        })
        history.eLearning = []
        history.evaluations = []
        let told = FractionsTold()
        let summary = try programme.database.importHistory(history, by: "officer", progress: told.record)
        #expect(summary.bookingsAdded == 2_500)
        // 2 sessions and 2,500 bookings: told at the 1,000th and 2,000th row of 2,502, then at the end.
        let expected: [Double] = [1_000.0 / 2_502, 2_000.0 / 2_502, 1]
        #expect(told.values == expected)
    }

    @Test func aBookingWithNoAgencyIsKeptUnderAgencyNotRecorded() throws {
        let programme = try Programme()
        try programme.database.importHistory(history(), by: "officer")
        let places = try programme.database.sessionDetails(programme.database.sessions(courseTitle: "Toxic Trio")[0].session.id!).places
        #expect(places.first { $0.learnerName == "Cat" }?.agencyName == nil)
        #expect(places.first { $0.learnerName == "Cat" }?.booking.status.rawValue == "did-not-attend")
    }

    @Test func importingTheSameHistoryTwiceChangesNothing() throws {
        let programme = try Programme()
        try programme.database.importHistory(history(), by: "officer")
        let before = try programme.database.snapshot()
        let again = try programme.database.importHistory(history(), by: "officer")
        #expect(again.sessionsUnchanged == 2 && again.bookingsUnchanged == 4 && again.allocationsUnchanged == 1 && again.evaluationsUnchanged == 1)
        #expect(again.sessionsAdded + again.bookingsAdded + again.allocationsAdded + again.evaluationsAdded + again.learnersAdded == 0)
        var after = try programme.database.snapshot()
        // The second import's own audit entry is the only addition.
        after["auditEntry"]?.removeLast()
        #expect(after == before)
    }

    @Test func aFileRefusedWholeWhileReadIsReportedOnceWithoutTheProblemsOfItsEarlierLines() throws {
        // The reader handed over a line for an unknown session, then found the file cannot be read at all:
        // as when a whole file is refused before reading, its refusal is its one problem.
        let programme = try Programme()
        var broken = history()
        let unknown = BookingHistoryRow(line: 2, sessionReference: "2099-404", person: person("e@x.example", "Eve", "Calderdale Council", nil),
                                        bookedOn: at("2015-05-05 10:00"), status: .attended, cancelledOn: nil)
        let refusal = InputError("a quoted value opened here is never closed", at: InputLocation(file: "bookings", line: 3))
        broken.bookings = HistoryRows(reading: { handOver in _ = handOver([.row(unknown)]) && handOver([.refused(refusal)]) })
        let before = try programme.database.snapshot()
        // The evaluation of a booking in it then finds no booking, as it would with the file refused before reading.
        #expect(problems { try programme.database.importHistory(broken, by: "officer") }
                == [refusal.description, "evaluations, line 2: b@nursery.example has no booking on session '2015-001'"])
        #expect(try programme.database.snapshot() == before)
    }

    @Test func everyProblemAcrossTheFilesIsReportedAndNothingIsImported() throws {
        let programme = try Programme()
        var broken = history()
        broken.bookings = HistoryRows(bookingRows() + [
            BookingHistoryRow(line: 6, sessionReference: "2099-404", person: person("e@x.example", "Eve", "Calderdale Council", nil),
                              bookedOn: at("2015-05-05 10:00"), status: .attended, cancelledOn: nil),
            BookingHistoryRow(line: 7, sessionReference: "2015-001", person: person("f@x.example", "Fay", "Hope Church", nil),
                              bookedOn: at("2015-05-05 10:00"), status: .attended, cancelledOn: nil),
        ])
        let before = try programme.database.snapshot()
        do {
            try programme.database.importHistory(broken, by: "officer")
            Issue.record("expected the import to be refused")
        } catch let error as InputProblems {
            #expect(error.problems.map(\.description) == [
                "bookings, line 6, field 'session_ref': unknown session '2099-404' (not in the sessions file nor already imported)",
                "bookings, line 7, field 'sector': the agency 'Hope Church' is not known and no sector is given to add it",
            ])
        }
        #expect(try programme.database.snapshot() == before)
    }

    /// A scheduled session of two places, and `bookings` on it, imported together, or (`sessionHeldBefore`)
    /// the session first and the bookings in a later import, so each check is made both on a session the
    /// import adds itself and on one the database already holds.
    func importBookings(_ bookings: [BookingHistoryRow], sessionHeldBefore: Bool, on programme: Programme) throws -> HistoryImportSummary {
        var sessions = HistoryImport()
        sessions.sessions = [SessionHistoryRow(line: 2, reference: "2026-050", courseTitle: "Toxic Trio", level: .intermediate,
                                               delivery: .faceToFace, start: at("2026-06-10 09:30"), end: at("2026-06-10 16:00"),
                                               venue: "Halifax", capacity: 2, status: .scheduled, cancelReason: nil)]
        var history = sessions
        if sessionHeldBefore {
            try programme.database.importHistory(sessions, by: "officer")
            history.sessions = []
        }
        history.bookings = HistoryRows(bookings)
        return try programme.database.importHistory(history, by: "officer")
    }

    func booking(line: Int, _ email: String, bookedOn: String, _ status: BookingStatus) -> BookingHistoryRow {
        BookingHistoryRow(line: line, sessionReference: "2026-050", person: person(email, "Someone", "Calderdale Council", nil),
                          bookedOn: at(bookedOn), status: status, cancelledOn: status == .cancelled ? at(bookedOn) : nil)
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as InputProblems {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test(arguments: [false, true])
    func theSameBookingGivenTwiceIsImportedOnce(sessionHeldBefore: Bool) throws {
        let programme = try Programme()
        let summary = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .confirmed),
                                          booking(line: 3, "A@Council.example", bookedOn: "2026-05-01 10:00", .confirmed)],
                                         sessionHeldBefore: sessionHeldBefore, on: programme)
        #expect(summary.bookingsAdded == 1 && summary.bookingsUnchanged == 1)
        #expect(try programme.database.count("booking") == 1)
    }

    @Test(arguments: [false, true])
    func bookingTimesLessThanAMillisecondApartAreTheSameBooking(sessionHeldBefore: Bool) throws {
        // Times are stored to the millisecond, so these two are the same booking however the session is held.
        let programme = try Programme()
        var second = booking(line: 3, "a@council.example", bookedOn: "2026-05-01 10:00", .confirmed)
        second.bookedOn = second.bookedOn.addingTimeInterval(0.0004)
        let summary = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .confirmed), second],
                                         sessionHeldBefore: sessionHeldBefore, on: programme)
        #expect(summary.bookingsAdded == 1 && summary.bookingsUnchanged == 1)
    }

    @Test(arguments: [false, true])
    func aSecondPlaceInTheFilesIsImportedAsCancelledAndTheMostSettledKeepsThePlace(sessionHeldBefore: Bool) throws {
        // Booked twice in the previous system: the confirmed place (line 2) is more settled than the later
        // waiting place (line 3), which is kept as a cancelled booking naming line 2, with no notice (no charge).
        let programme = try Programme()
        let summary = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .confirmed),
                                          booking(line: 3, "A@council.example", bookedOn: "2026-05-02 10:00", .waitlisted)],
                                         sessionHeldBefore: sessionHeldBefore, on: programme)
        #expect(summary.bookingsAdded == 2 && summary.secondPlacesCancelled == 1)
        let rows = try programme.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT status, cancelledAt, cancellationReason, noticeWorkingDays FROM booking ORDER BY bookedAt")
        }
        #expect(rows.map { $0["status"] as String } == ["confirmed", "cancelled"])
        #expect(rows[1]["cancellationReason"] == "a second place for the learner in the previous system; line 2 of bookings kept")
        #expect(rows[1]["cancelledAt"] as Date? == at("2026-05-02 10:00"))     // when the later of the two was booked
        #expect(rows[1]["noticeWorkingDays"] as Int? == nil)
    }

    @Test func ofTwoAttendedPlacesOneAttendanceIsCounted() throws {
        let programme = try Programme()
        var history = HistoryImport()
        history.sessions = [SessionHistoryRow(line: 2, reference: "2025-010", courseTitle: "Toxic Trio", level: .intermediate,
                                              delivery: .faceToFace, start: at("2025-06-10 09:30"), end: at("2025-06-10 16:00"),
                                              venue: "Halifax", capacity: 20, status: .delivered, cancelReason: nil)]
        history.bookings = [
            BookingHistoryRow(line: 2, sessionReference: "2025-010", person: person("a@council.example", "Amy", "Calderdale Council", nil),
                              bookedOn: at("2025-05-01 10:00"), status: .attended, cancelledOn: nil),
            BookingHistoryRow(line: 3, sessionReference: "2025-010", person: person("a@council.example", "Amy", "Calderdale Council", nil),
                              bookedOn: at("2025-05-03 10:00"), status: .didNotAttend, cancelledOn: nil),
            BookingHistoryRow(line: 4, sessionReference: "2025-010", person: person("a@council.example", "Amy", "Calderdale Council", nil),
                              bookedOn: at("2025-05-02 10:00"), status: .attended, cancelledOn: nil),
        ]
        let summary = try programme.database.importHistory(history, by: "officer")
        #expect(summary.bookingsAdded == 3 && summary.secondPlacesCancelled == 2)
        let statuses = try programme.database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT bookedAt, status, cancellationReason FROM booking ORDER BY bookedAt")
        }
        // Attended beats did-not-attend; of the two attended, the later booked (line 4) keeps the place.
        #expect(statuses.map { $0["status"] as String } == ["cancelled", "attended", "cancelled"])
        #expect(statuses.map { $0["cancellationReason"] as String? }
                == ["a second place for the learner in the previous system; line 4 of bookings kept", nil,
                    "a second place for the learner in the previous system; line 4 of bookings kept"])
        #expect(try programme.database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM booking WHERE status = 'attended'") } == 1)
        // Importing the same file again changes nothing.
        let again = try programme.database.importHistory(history, by: "officer")
        #expect(again.bookingsAdded == 0 && again.bookingsUnchanged == 3)
    }

    @Test func aPlaceHeldFromAnEarlierImportIsNotChangedByALaterOneButABookingAfterACancellationIsTaken() throws {
        let programme = try Programme()
        _ = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .confirmed)],
                               sessionHeldBefore: true, on: programme)
        let refused = problems {
            var later = HistoryImport()
            later.bookings = [booking(line: 2, "a@council.example", bookedOn: "2026-05-02 10:00", .waitlisted)]
            try programme.database.importHistory(later, by: "officer")
        }
        #expect(refused == ["bookings, line 2, field 'learner_email': a@council.example already has a place on session '2026-050'"])

        let fresh = try Programme()
        let summary = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .cancelled),
                                          booking(line: 3, "a@council.example", bookedOn: "2026-05-02 10:00", .confirmed)],
                                         sessionHeldBefore: true, on: fresh)
        #expect(summary.bookingsAdded == 2 && summary.secondPlacesCancelled == 0)
    }

    @Test func aCancellationDateOnABookingNotCancelledIsKeptInItsHistory() throws {
        // A late cancellation the previous system counted as not attending: the status stands, no notice is
        // worked out (nothing was cancelled here), and the date is in the booking's history.
        let programme = try Programme()
        var row = booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .waitlisted)
        row.cancelledOn = at("2026-06-09 08:00")
        let summary = try importBookings([row], sessionHeldBefore: false, on: programme)
        #expect(summary.bookingsAdded == 1 && summary.cancellationDatesKept == 1)
        let held = try programme.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, status, cancelledAt, noticeWorkingDays FROM booking")
        }
        #expect(held?["status"] == "waitlisted")
        #expect(held?["cancelledAt"] as String? == nil)
        #expect(held?["noticeWorkingDays"] as Int? == nil)
        let history = try programme.database.bookingHistory(held?["id"] ?? 0)
        #expect(history.map(\.kind.rawValue) == ["imported"])
        #expect(history.first?.at == at("2026-06-09 08:00"))
        #expect(history.first?.detail == "Someone by import (the previous system recorded a cancellation on 2026-06-09 but kept the booking as waitlisted)")
    }

    @Test(arguments: [false, true])
    func aConfirmedPlaceBeyondTheCapacityOfASessionStillToRunIsRefused(sessionHeldBefore: Bool) throws {
        // Two places: a cancelled booking takes none, the first two confirmed take both, the waiting list is
        // not limited, and a third confirmed place is refused.
        let programme = try Programme()
        let refused = problems {
            _ = try importBookings([booking(line: 2, "a@council.example", bookedOn: "2026-05-01 10:00", .cancelled),
                                    booking(line: 3, "b@council.example", bookedOn: "2026-05-01 10:00", .confirmed),
                                    booking(line: 4, "c@council.example", bookedOn: "2026-05-01 10:00", .confirmed),
                                    booking(line: 5, "d@council.example", bookedOn: "2026-05-01 10:00", .waitlisted),
                                    booking(line: 6, "e@council.example", bookedOn: "2026-05-01 10:00", .confirmed)],
                                   sessionHeldBefore: sessionHeldBefore, on: programme)
        }
        #expect(refused == ["bookings, line 6, field 'status': session '2026-050' is still to run and already full: import this booking as waitlisted"])
    }
}

@Suite("The lines of an import's rows")
struct LinesOfRowsTests {
    @Test func aLineIsFoundByItsRowsPositionAcrossGapsInTheFile() {
        var lines = LinesOfRows()
        for line in [2, 3, 4, 7, 8, 20, 21, 22] { lines.append(line) }   // lines 5, 6 and 9–19 gave no row
        #expect((0..<8).map { lines.line(of: $0) } == [2, 3, 4, 7, 8, 20, 21, 22])
        #expect(lines.line(of: 8) == nil && lines.line(of: -1) == nil)
    }
}

/// Found in review: each pinned by the example that showed it.
extension HistoryImportTests {
    @Test func anImportedCancellationWithNoDateIsGivenNoNotice() throws {
        let programme = try Programme()
        var history = HistoryImport()
        history.sessions = [SessionHistoryRow(line: 2, reference: "H1", courseTitle: Programme.halfDay, level: .foundation, delivery: .faceToFace,
                                              start: at("2015-06-10 09:30"), end: nil, venue: nil, capacity: 20, status: .delivered, cancelReason: nil)]
        history.bookings = [BookingHistoryRow(line: 2, sessionReference: "H1",
                                              person: HistoryPerson(email: try EmailAddress("sam@council.example"), name: "Sam", agencyName: nil, sector: nil),
                                              bookedOn: at("2015-05-01 09:00"), status: .cancelled, cancelledOn: nil)]
        try programme.database.importHistory(history, by: "o")
        let booking = try programme.database.writer.read { try Row.fetchOne($0, sql: "SELECT noticeWorkingDays, cancelledAt FROM booking")! }
        #expect((booking["noticeWorkingDays"] as Int?) == nil)
        #expect((booking["cancelledAt"] as String?) != nil)
    }

    @Test func importedConfirmedBookingsCannotOverfillASessionStillToRun() throws {
        let programme = try Programme()
        var history = HistoryImport()
        history.sessions = [SessionHistoryRow(line: 2, reference: "F1", courseTitle: Programme.halfDay, level: .foundation, delivery: .faceToFace,
                                              start: at("2026-01-20 09:30"), end: nil, venue: nil, capacity: 1, status: .scheduled, cancelReason: nil)]
        history.bookings = HistoryRows(["sam@council.example", "jo@council.example"].enumerated().map { index, email in
            BookingHistoryRow(line: index + 2, sessionReference: "F1",
                              person: HistoryPerson(email: try! EmailAddress(email), name: email, agencyName: "Calderdale Council", sector: nil),
                              bookedOn: at("2025-10-01 09:00"), status: .confirmed, cancelledOn: nil)
        })
        #expect(throws: InputProblems([InputError("session 'F1' is still to run and already full: import this booking as waitlisted",
                                                  at: InputLocation(file: "bookings", line: 3, field: "status"))])) {
            try programme.database.importHistory(history, by: "o")
        }
    }
}
