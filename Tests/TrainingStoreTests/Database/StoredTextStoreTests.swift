import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

private func character(_ value: UInt32) -> String { Unicode.Scalar(value).map { String(Character($0)) } ?? "" }

/// Issue 16, findings 5 and 9: the store's intentions that take free text from a form or the command line
/// refuse what `StoredText` does not allow, naming the field, and write nothing.
@Suite("The store keeps only storable text")
struct StoredTextStoreTests {
    @Test func aUserNameHoldingANulIsRefusedRatherThanCut() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: InputError("the name contains a character that cannot be stored (U+0000, a NUL)", at: InputLocation(input: .name))) {
            try database.addUser(email: "o@example.org", name: "Olive\u{0}Officer", role: .officer, agencyName: nil, passwordHash: "x", by: "o")
        }
        #expect(try database.count("appUser") == 0)
    }

    @Test func aLearnerWithAJobRoleOverTheLimitIsRefusedAndOneAtTheLimitIsKept() throws {
        let programme = try Programme()
        #expect(throws: InputError("the job role is 201 characters long; the most kept is 200", at: InputLocation(field: "job_role"))) {
            try programme.database.addLearner(learner("Long Role", "long@council.example", role: String(repeating: "r", count: 201)), by: "o")
        }
        let kept = try programme.database.addLearner(learner("Long Role", "long@council.example", role: String(repeating: "r", count: 200)), by: "o")
        #expect(kept.jobRole?.count == 200)
    }

    @Test func aVenueOverTheLimitIsRefusedNamingTheFieldAndOneAtTheLimitIsKept() throws {
        let programme = try Programme()
        func plan(_ venue: String) -> SessionPlan {
            SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30"), venue: venue)
        }
        #expect(throws: InputError("the venue is 1001 characters long; the most kept is 1000", at: InputLocation(input: .venue))) {
            try programme.database.scheduleSession(plan(String(repeating: "v", count: 1001)), by: "o")
        }
        let session = try programme.database.scheduleSession(plan(String(repeating: "v", count: 1000)), by: "o")
        #expect(session.venue?.count == 1000)
    }

    @Test func aCancellationReasonHoldingANoncharacterIsRefusedAndTheBookingStands() throws {
        let programme = try Programme()
        let booking = try programme.database.book(session: programme.halfDaySession(), learnerEmail: "sam@council.example", by: "b").booking
        #expect(throws: InputError("the reason contains a character that cannot be stored (U+FFFE)", at: InputLocation(input: .reason))) {
            try programme.database.cancelBooking(booking.id!, by: "b", reason: "ill " + character(0xFFFE))
        }
        #expect(try programme.database.bookingHistory(booking.id!).allSatisfy { $0.kind.rawValue != "cancelled" })
    }

    @Test func aBankHolidayNameWithALineBreakIsRefused() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: InputError("the name contains a character that cannot be stored (U+000A, a line break)", at: InputLocation(field: "name"))) {
            try database.addBankHoliday(LocalDate(year: 2030, month: 6, day: 3)!, name: "Extra\nday", by: "o")
        }
    }

    @Test func aLicenceNoteOverTheLimitIsRefused() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: InputError("the note is 4001 characters long; the most kept is 4000", at: InputLocation(input: .note))) {
            try database.buyLicences(count: 5, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                     supplier: "Supplier", note: String(repeating: "n", count: 4001), by: "o")
        }
        #expect(try database.count("licencePool") == 0)
    }
}

/// Found in review: each pinned by the example that showed it.
extension StoredTextStoreTests {
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
}
