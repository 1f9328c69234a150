import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// The programme of `Programme`, with mail on (Maildir), an officer's address and a booker at Calderdale Council.
func mailingProgramme(clock: TestClock = TestClock("2025-11-03 09:00")) throws -> Programme {
    let programme = try Programme(clock: clock)
    try programme.database.setSetting("mail-transport", to: "maildir", by: "officer")
    try programme.database.setSetting("mail-from", to: "training@partnership.example", by: "officer")
    try programme.database.setSetting("officer-email", to: "officer@partnership.example", by: "officer")
    _ = try programme.database.addUser(email: "booker@council.example", name: "Bea Booker", role: .booker,
                                       agencyName: "Calderdale Council", passwordHash: "x", by: "officer")
    _ = try programme.database.addUser(email: "booker@nhs.example", name: "Nia Booker", role: .booker,
                                       agencyName: "Calderdale NHS", passwordHash: "x", by: "officer")
    return programme
}

extension AppDatabase {
    /// Every message in the outbox, oldest first, as the officer is shown it: the new places' messages
    /// owed queued first, so each has its number.
    func outbox() throws -> [OutboxMessage] {
        try queueOwedMessages()
        return try messages(MessageFilter()).reversed()
    }
}

@Suite("The outbox: a change owes its messages in its own transaction")
struct OutboxTests {
    @Test func withMailOffABookingOwesNothing() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(try programme.database.outbox().isEmpty)
    }

    @Test func withMailTurnedOffAgainABookingOwesNothing() throws {
        let programme = try mailingProgramme()
        try programme.database.setSetting("mail-transport", to: "off", by: "officer")
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(try programme.database.outbox().isEmpty)
    }

    @Test func aConfirmedPlaceIsToldToTheLearnerCopiedToTheirOwnAgencysBookersOnly() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let owed = try #require(try programme.database.outbox().only)
        #expect(owed.kind == .placeConfirmed)
        #expect(owed.recipientAddress == "sam@council.example")
        #expect(owed.calendarSequence == 0)
        #expect(owed.status == .queued)

        let prepared = try #require(try programme.database.messagesDue(limit: 10).only)
        #expect(prepared.message.copyAddresses == ["booker@council.example"])
        #expect(prepared.facts.learnerName == "Sam Patel")
        #expect(prepared.facts.courseTitle == Programme.halfDay)
        #expect(prepared.facts.sessionDate == "Monday 17 November 2025")
        #expect(prepared.facts.sessionTimes == "09:30 to 12:30")
        #expect(prepared.facts.venue == "Halifax Town Hall")
        #expect(prepared.event?.sequence == 0)
    }

    @Test func aConfirmationWrittenWithoutItsFactsKeepsThemOnceReadForSending() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(try programme.database.outbox().only?.facts == nil)
        _ = try programme.database.messagesDue(limit: 10)
        let kept = try #require(try programme.database.outbox().only)
        #expect(kept.copyAddresses == ["booker@council.example"])
        #expect(kept.facts?.courseTitle == Programme.halfDay)
        #expect(kept.facts?.venue == "Halifax Town Hall")
    }

    @Test func aConfirmationSaysTheSessionAsItStandsWhenItIsSent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.changeSession(session, SessionChange(venue: "Halifax Library, Room 1"), by: "officer")
        let confirmation = try #require(try programme.database.messagesDue(limit: 10).first { $0.message.kind == .placeConfirmed })
        #expect(confirmation.facts.venue == "Halifax Library, Room 1")
    }

    @Test func aConfirmationIsCopiedToTheBookersTheAgencyHasWhenItIsSent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        _ = try programme.database.addUser(email: "second.booker@council.example", name: "Cal Booker", role: .booker,
                                           agencyName: "Calderdale Council", passwordHash: "x", by: "officer")
        let confirmation = try #require(try programme.database.messagesDue(limit: 10).only)
        #expect(confirmation.message.copyAddresses == ["booker@council.example", "second.booker@council.example"])
    }

    @Test func aConfirmationIsCopiedToTheBookersOfTheAgencyThePlaceWasBookedUnderIfTheLearnerHasMoved() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.writer.write { db in
            try db.execute(sql: """
                UPDATE learner SET agencyId = (SELECT id FROM agency WHERE name = 'Calderdale NHS') WHERE email = 'sam@council.example'
                """)
        }
        let confirmation = try #require(try programme.database.messagesDue(limit: 10).only)
        #expect(confirmation.message.copyAddresses == ["booker@council.example"])
        #expect(confirmation.facts.agencyName == "Calderdale Council")
    }

    @Test func aQueuedConfirmationShowsWhatItWouldSayAndWhomItWouldCopy() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let id = try #require(try programme.database.outbox().only?.id)
        let shown = try programme.database.message(id)
        #expect(shown.copyAddresses == ["booker@council.example"])
        #expect(shown.facts?.venue == "Halifax Town Hall")
        #expect(try programme.database.outbox().only?.facts == nil)
    }

    @Test func aBookingThatRollsBackOwesNothing() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        // The second learner is unknown, so the whole group booking fails and neither place is kept.
        #expect(throws: UnknownLearner.self) {
            try programme.database.book(session: session, learnerEmails: ["sam@council.example", "nobody@council.example"], by: "booker")
        }
        #expect(try programme.database.outbox().isEmpty)
    }

    @Test func aWaitingListPlaceSaysItsPosition() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker")
        let waiting = try programme.database.messagesDue(limit: 10).filter { $0.message.kind == .waitingListPlace }
        #expect(waiting.map(\.message.recipientAddress) == ["jo@council.example", "kim@council.example"])
        #expect(waiting.map(\.facts.waitingListPosition) == [1, 2])
        #expect(waiting.map(\.message.copyAddresses) == [["booker@council.example"], ["booker@council.example"]])
    }

    @Test func aWaitingListPlaceSaysThePositionItHasWhenTheMessageIsSent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker").booking
        try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker")
        try programme.database.cancelBooking(try jo.storedID, by: "booker")
        let kim = try #require(try programme.database.messagesDue(limit: 10).first {
            $0.message.kind == .waitingListPlace && $0.message.recipientAddress == "kim@council.example"
        })
        #expect(kim.facts.waitingListPosition == 1)
    }

    @Test func aWaitingListPlaceNoLongerWaitingWhenItsMessageIsSentSaysNoPosition() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        try programme.database.cancelBooking(try sam.storedID, by: "booker")
        let jo = try #require(try programme.database.messagesDue(limit: 10).first { $0.message.kind == .waitingListPlace })
        #expect(jo.facts.waitingListPosition == nil)
        #expect(jo.facts.courseTitle == Programme.halfDay)
    }

    @Test func aLateCancellationSaysItsChargeAndCarriesTheNextEventOfThePlaceAndOffersThePlaceToTheFirstWaiting() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        programme.clock.set("2025-11-10 11:00")
        try programme.database.cancelBooking(booking.id!, by: "booker")
        let outbox = try programme.database.outbox()
        let cancelled = try #require(outbox.first { $0.kind == .placeCancelled })
        #expect(cancelled.recipientAddress == "sam@council.example")
        // 50% of the £50.00 half-day fee, with 4 working days' notice (CancellationChargeTests).
        #expect(cancelled.facts?.charge == "£25.00")
        #expect(cancelled.calendarSequence == 1)
        let offered = try #require(outbox.first { $0.kind == .placeOffered })
        #expect(offered.recipientAddress == "jo@council.example")
        #expect(offered.calendarSequence == 0)
    }

    @Test func aSubstitutionRemovesTheEventFromTheLeaverAndSendsItToTheJoiner() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        let substituted = try programme.database.outbox().filter { $0.kind == .substituted }
        #expect(substituted.map(\.recipientAddress) == ["sam@council.example", "jo@council.example"])
        #expect(substituted.map { $0.facts?.joining } == [false, true])
        #expect(substituted.map(\.calendarSequence) == [1, 2])
    }

    @Test func aSessionCancelledByThePartnershipTellsEveryoneHoldingAPlace() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "officer")
        let told = try programme.database.outbox().filter { $0.kind == .sessionCancelled }
        #expect(told.map(\.recipientAddress) == ["sam@council.example", "ann@nhs.example"])
        // Each agency's booker is copied on their own learner's message only.
        #expect(told.map(\.copyAddresses) == [["booker@council.example"], ["booker@nhs.example"]])
    }

    @Test func aKindSwitchedOffIsNotOwed() throws {
        let programme = try mailingProgramme()
        try programme.database.switchMessageKind(.placeConfirmed, on: false, by: "officer")
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(try programme.database.outbox().isEmpty)
        #expect(try programme.database.messageKindsOff() == [.placeConfirmed])
    }

    @Test func aNonAttendanceIsToldToTheLearnerAndTheirBookerWithTheCharge() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        let notice = try #require(try programme.database.outbox().first { $0.kind == .nonAttendance })
        #expect(notice.copyAddresses == ["booker@council.example"])
        // The whole £50.00 half-day fee for a non-attendance.
        #expect(notice.facts?.charge == "£50.00")
    }
}

extension Array {
    /// The one element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
