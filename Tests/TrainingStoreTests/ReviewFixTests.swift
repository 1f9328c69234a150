import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// Rules found broken in review, each pinned by the example that showed it.
@Suite("Review findings")
struct ReviewFixTests {
    @Test func aSessionWithMarksOnItsRegisterCannotBeCancelledAndKeepsItsCharges() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b")
        programme.clock.set("2025-11-17 10:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["jo@council.example"], by: "o")
        let before = try programme.database.snapshot()
        #expect(throws: InputError("session \(session) has 2 learners marked on its register, so it took place: it cannot be cancelled (correct the register instead)",
                                   at: InputLocation(field: "session"))) {
            try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "o")
        }
        #expect(try programme.database.snapshot() == before)
    }

    @Test func whenThePartnershipCancelsALateCancellationIsNoLongerCharged() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-11-12 09:00")
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b").charge)
        #expect(charge.amountPence == 2500)
        programme.clock.set("2025-11-13 09:00")
        try programme.database.cancelSession(session, reason: .venue, note: nil, by: "o")
        #expect(try programme.database.charges()[0].charge.reversedAt != nil)
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "o").isEmpty)
    }

    @Test func freeTextIsMeasuredAsTheDatabaseMeasuresIt() throws {
        // A flag is one character to a reader but two code points, as SQLite's length() counts.
        let flags2000 = String(repeating: "🇬🇧", count: 2000), flags2001 = String(repeating: "🇬🇧", count: 2001)
        #expect(throws: InputError("the answer is 4002 characters long; the most kept is 4000", at: InputLocation(field: "best_part"))) {
            try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                  bestPart: flags2001, practiceChange: nil, improve: nil)
        }
        let programme = try Programme()
        try programme.deliveredSession(on: "2025-11-17", learners: 1, tag: "x")
        let token = programme.token(try programme.database.issueDueInvitations(by: "o")[0])
        try programme.database.submitEvaluation(token: token, answers: programme.answer(5, .aLot, best: flags2000))
    }

    @Test("amounts with signs inside or too many figures are refused", arguments: ["1.-5", "+3.+5", "3.+5", "99999999999999999", "1 000"])
    func badAmounts(text: String) {
        #expect(throws: InputError.self) { try Pence.parse(text) }
    }

    @Test func anOldCompletionDoesNotCompleteALaterRefresherLicence() throws {
        let programme = try Programme(clock: TestClock("2024-06-01 09:00"))
        let db = programme.database
        try db.buyLicences(count: 10, from: LocalDate(year: 2024, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!, supplier: nil, note: nil, by: "o")
        try db.allocateLicences(module: Programme.module, to: ["sam@council.example"], by: "o")
        let old = UsageRow(line: 2, email: "sam@council.example", module: Programme.module,
                           startedOn: LocalDate(year: 2024, month: 6, day: 2), completedOn: LocalDate(year: 2024, month: 6, day: 10))
        try db.importUsage([old], by: "o")
        programme.clock.set("2025-05-01 09:00")
        try db.allocateLicences(module: Programme.module, to: ["sam@council.example"], by: "o")   // the refresher
        let again = try db.importUsage([old], by: "o")
        #expect(again.unchanged == 1)
        #expect(try db.licenceStatus().total.allocated == 1)      // the refresher is still waiting to be started
        let tooEarly = UsageRow(line: 3, email: "sam@council.example", module: Programme.module,
                                startedOn: LocalDate(year: 2024, month: 5, day: 1), completedOn: nil)
        #expect(try db.importUsage([tooEarly], by: "o").rejected.map(\.reason)
                == ["the dates are before Sam Patel's licence for Awareness of Domestic Abuse was allocated on 2024-06-01"])
    }

    @Test func anEvaluationImportedBeforeDeliveryIsNotAskedForAgain() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "o")
        try programme.database.importEvaluations([HistoricalEvaluation(line: 2, sessionReference: "\(session)", learnerEmail: "sam@council.example",
                                                                       submittedOn: LocalDate(year: 2025, month: 11, day: 17)!,
                                                                       answers: programme.answer(4, .aLot))], by: "o")
        try programme.database.deliverSession(session, by: "o")
        #expect(try programme.database.issueDueInvitations(by: "o").isEmpty)
    }

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
}

extension ReviewFixTests {
    @Test func aWaiverStandsWhenAnAbsenceIsMarkedAgainAfterACorrection() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        programme.clock.set("2025-11-17 13:00")
        let first = try #require(try programme.database.mark(session: session, absent: ["sam@council.example"], by: "o")[0].chargeRaised)
        try programme.database.waiveCharge(first.id!, reason: "Emergency at work", by: "o")
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "o")
        let again = try #require(try programme.database.mark(session: session, absent: ["sam@council.example"], by: "o")[0].chargeRaised)
        #expect(again.waiverReason == "Emergency at work")
        #expect(try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "o").isEmpty)
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
