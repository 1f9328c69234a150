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

    @Test func aFailedMessagesRetryFindsANumberTheOfficerWasShownBeforeItWasQueued() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // Message 1 is the confirmation still owed: retrying it is refused as a queued message, not as none.
        #expect(throws: MessageRefusal.notFailed(id: 1, status: .queued)) {
            try programme.database.retryMessage(1, by: "officer")
        }
    }
}
