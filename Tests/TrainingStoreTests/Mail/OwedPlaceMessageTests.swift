import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

extension AppDatabase {
    /// The rows of `table`, counted directly.
    func rows(in table: String) throws -> Int {
        try read { try $0.count(sql: "SELECT COUNT(*) FROM \(table)") }
    }
}

/// A booking owes its message in a row of its own (`owedPlaceMessage`), which the next write touching the
/// outbox queues: nothing a person sees or is owed may differ for it.
@Suite("A new place's message, owed before it is queued")
struct OwedPlaceMessageTests {
    /// Sam (Calderdale Council) and Ann (Calderdale NHS) booked on the half-day session, their messages owed.
    func twoPlacesBooked() throws -> (Programme, Int64) {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        return (programme, session)
    }

    @Test func aBookingOwesItsMessageInARowOfItsOwnAndTheOutboxShowsItQueuedWithoutANumber() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(try programme.database.rows(in: "owedPlaceMessage") == 1)
        #expect(try programme.database.rows(in: "outboxMessage") == 0)
        let shown = try #require(try programme.database.messages(MessageFilter()).only)
        #expect(shown.id == nil)
        #expect(shown.kind == .placeConfirmed && shown.status == .queued && shown.recipientAddress == "sam@council.example")
        #expect(shown.calendarSequence == 0)
        #expect(try programme.database.outboxCounts() == OutboxCounts(queued: 1, sent: 0, failed: 0))
    }

    @Test func theDeliveryPassQueuesWhatIsOwedAndSendsIt() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let due = try #require(try programme.database.messagesDue(limit: 10).only)
        #expect(due.message.id != nil)
        #expect(due.message.copyAddresses == ["booker@council.example"])
        #expect(due.facts.venue == "Halifax Town Hall")
        #expect(try programme.database.rows(in: "owedPlaceMessage") == 0)
        #expect(try programme.database.rows(in: "outboxMessage") == 1)
    }

    @Test func placesOwedAreQueuedInTheOrderTheyWereBooked() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        for email in ["sam@council.example", "jo@council.example", "ann@nhs.example"] {
            try programme.database.book(session: session, learnerEmail: email, by: "booker")
        }
        try programme.database.queueOwedMessages()
        let queued = try programme.database.messages(MessageFilter()).reversed()
        #expect(queued.map(\.recipientAddress) == ["sam@council.example", "jo@council.example", "ann@nhs.example"])
        #expect(queued.map(\.kind) == [.placeConfirmed, .waitingListPlace, .waitingListPlace])
        #expect(queued.allSatisfy { $0.id != nil })
    }

    @Test func aCancellationBeforeTheConfirmationIsQueuedGoesAfterItWithTheNextEvent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.cancelBooking(booking.id!, by: "booker")
        let queued = try programme.database.messages(MessageFilter()).reversed()
        #expect(queued.map(\.kind) == [.placeConfirmed, .placeCancelled])
        #expect(queued.map(\.calendarSequence) == [0, 1])
        #expect(queued.allSatisfy { $0.id != nil })
    }

    @Test func aSubstitutionBeforeTheConfirmationIsQueuedLeavesTheConfirmationWithTheLearnerBooked() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        let queued = try programme.database.messages(MessageFilter()).reversed()
        #expect(queued.map(\.recipientAddress) == ["sam@council.example", "sam@council.example", "jo@council.example"])
        #expect(queued.map(\.kind) == [.placeConfirmed, .substituted, .substituted])
        #expect(queued.map(\.calendarSequence) == [0, 1, 2])
    }

    @Test func aPlaceOfferedBeforeTheWaitingPlaceIsQueuedComesAfterItInTheOrderThingsHappened() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        try programme.database.cancelBooking(booking.id!, by: "booker")
        let queued = try programme.database.messages(MessageFilter()).reversed()
        #expect(queued.map(\.kind) == [.placeConfirmed, .waitingListPlace, .placeCancelled, .placeOffered])
        #expect(queued.map(\.recipientAddress) == ["sam@council.example", "jo@council.example", "sam@council.example", "jo@council.example"])
        // Sam's event: 0 then its cancellation 1; Jo's first event is the offered place's.
        #expect(queued.map(\.calendarSequence) == [0, nil, 1, 0])
        #expect(queued.compactMap(\.id) == [1, 2, 3, 4])
    }

    @Test func aSessionCancelledBeforeItsConfirmationsAreQueuedCancelsEachPlacesFirstEvent() throws {
        let (programme, session) = try twoPlacesBooked()
        try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "officer")
        let queued = try programme.database.messages(MessageFilter()).reversed()
        #expect(queued.map(\.kind) == [.placeConfirmed, .placeConfirmed, .sessionCancelled, .sessionCancelled])
        #expect(queued.map(\.recipientAddress) == ["sam@council.example", "ann@nhs.example", "sam@council.example", "ann@nhs.example"])
        #expect(queued.map(\.calendarSequence) == [0, 0, 1, 1])
    }

    @Test func theOfficersFiltersApplyToMessagesStillOwed() throws {
        let (programme, _) = try twoPlacesBooked()
        #expect(try programme.database.messages(MessageFilter(status: .sent)).isEmpty)
        #expect(try programme.database.messages(MessageFilter(status: .queued)).count == 2)
        let ann = try programme.database.messages(MessageFilter(learnerEmail: "ann@nhs.example"))
        #expect(ann.map(\.recipientAddress) == ["ann@nhs.example"])
        #expect(ann.map(\.id) == [nil])
    }

    @Test func theCountsAddMessagesStillOwedToThoseQueuedBesideThoseSent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let due = try #require(try programme.database.messagesDue(limit: 10).only)
        try programme.database.recordDelivery(of: #require(due.message.id), .sent(subject: "Place confirmed", text: "t", html: "h"))
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        #expect(try programme.database.rows(in: "owedPlaceMessage") == 2)
        #expect(try programme.database.outboxCounts() == OutboxCounts(queued: 2, sent: 1, failed: 0))
    }

    @Test func theSchedulerCountsItsOwnMessagesNotThePlacesItQueuesFirst() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()   // Monday 17 November 2025: reminders from Monday 10th
        programme.clock.set("2025-11-10 07:00")
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        let scheduled = try programme.database.scheduleDueMessages()
        // Two joining instructions, and the officer's alert: two places of the course's minimum of six.
        #expect(scheduled.reminders == 2)
        #expect(scheduled.officerAlerts == 1)
        #expect(scheduled.total == 3)
        #expect(try programme.database.messages(MessageFilter()).reversed().map(\.kind)
                == [.placeConfirmed, .placeConfirmed, .reminder, .reminder, .underMinimum])
    }

    @Test func subjectAccessListsAMessageStillOwed() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let record = try programme.database.subjectAccess(email: "sam@council.example")
        let messages = try #require(record.sections.first { $0.title == "Email messages" })
        #expect(messages.rows.count == 1)
        #expect(messages.rows.first?.contains(.text("place-confirmed")) == true)
        #expect(messages.rows.first?.contains(.text("queued")) == true)
    }

    @Test func erasureRemovesAMessageStillOwed() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.erase(email: "sam@council.example", reason: "asked", by: "officer")
        #expect(try programme.database.rows(in: "owedPlaceMessage") == 0)
        #expect(try programme.database.messagesDue(limit: 10).isEmpty)
        #expect(try programme.database.rows(in: "outboxMessage") == 0)
    }

    @Test func theOfficersPreviewUsesAConfirmationStillOwed() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let latest = try #require(try programme.database.latestMessageWithFacts(.placeConfirmed))
        #expect(latest.id == nil)
        #expect(latest.facts?.venue == "Halifax Town Hall")
        #expect(latest.copyAddresses == ["booker@council.example"])
    }

    @Test func aRetryByTheNumberAnOwedMessageWillHaveAnswersAboutThatMessage() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // Message 1 is the confirmation still owed: retrying it is refused as a queued message, not as none.
        #expect(throws: MessageRefusal.notFailed(id: 1, status: .queued)) {
            try programme.database.retryMessage(1, by: "officer")
        }
    }
}
