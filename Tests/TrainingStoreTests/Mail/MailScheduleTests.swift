import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Messages that fall due later, written once by the scheduler")
struct MailScheduleTests {
    @Test func theJoiningInstructionsFallDueFiveWorkingDaysBeforeTheSessionAndAreWrittenOnce() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()   // Monday 17 November 2025
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // Five working days before Monday 17 November is Monday 10 November: nothing on Friday 7th.
        programme.clock.set("2025-11-07 09:00")
        #expect(try programme.database.scheduleDueMessages().reminders == 0)
        programme.clock.set("2025-11-10 07:00")
        #expect(try programme.database.scheduleDueMessages().reminders == 1)
        #expect(try programme.database.scheduleDueMessages().reminders == 0)
        let reminder = try #require(try programme.database.outbox().first { $0.kind == .reminder })
        #expect(reminder.recipientAddress == "sam@council.example")
        // The joining instructions go to the learner alone.
        #expect(reminder.copyAddresses.isEmpty)
        #expect(reminder.facts?.venue == "Halifax Town Hall")
    }

    @Test func aReminderDayCountsOnlyWorkingDays() throws {
        let programme = try mailingProgramme()
        try programme.database.setSetting("reminder-working-days", to: "1", by: "officer")
        let session = try programme.halfDaySession()   // Monday 17 November 2025
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // One working day before a Monday is the Friday, not the Sunday.
        programme.clock.set("2025-11-13 12:00")
        #expect(try programme.database.scheduleDueMessages().reminders == 0)
        programme.clock.set("2025-11-14 08:00")
        #expect(try programme.database.scheduleDueMessages().reminders == 1)
    }

    @Test func aSessionUnderItsMinimumNearItsCutoffAlertsTheOfficerOnce() throws {
        let programme = try mailingProgramme()
        // Minimum 6 (the course's), one place booked, the cut-off the start: within 5 working days.
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        programme.clock.set("2025-11-11 09:00")
        #expect(try programme.database.scheduleDueMessages().officerAlerts == 1)
        #expect(try programme.database.scheduleDueMessages().officerAlerts == 0)
        let alert = try #require(try programme.database.outbox().first { $0.kind == .underMinimum })
        #expect(alert.recipientAddress == "officer@partnership.example")
        #expect(alert.facts?.bookedCount == 1)
        #expect(alert.facts?.minimumNumbers == 6)
    }

    @Test func withNoOfficerAddressNoAlertIsOwed() throws {
        let programme = try mailingProgramme()
        try programme.database.setSetting("officer-email", to: "", by: "officer")
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        programme.clock.set("2025-11-11 09:00")
        #expect(try programme.database.scheduleDueMessages().officerAlerts == 0)
    }

    @Test func theEvaluationLinkIsEmailedWhenTheSessionIsDeliveredAndGivenOutWhenSent() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        try programme.database.deliverSession(session, by: "officer")
        #expect(try programme.database.scheduleDueMessages().invitations == 1)
        let prepared = try #require(try programme.database.messagesDue(limit: 10).first { $0.message.kind == .evaluationInvitation })
        #expect(prepared.facts.evaluationLink?.hasPrefix("http://127.0.0.1:8080/evaluate/") == true)
        // Given out by email, the link is not given out again by the mail-merge.
        #expect(try programme.database.issueDueInvitations(by: "officer").filter { $0.kind == .evaluation }.isEmpty)
    }
}

@Suite("Where a message's delivery stands")
struct MessageDeliveryStateTests {
    func queuedMessage() throws -> (Programme, Int64) {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        // Made ready to send, as the delivery pass does first: a new place's facts are read then.
        _ = try programme.database.messagesDue(limit: 10)
        return (programme, try #require(try programme.database.outbox().first?.id))
    }

    @Test func aTemporaryFailureIsTriedAgainAfterAMinuteThenTwo() throws {
        let (programme, id) = try queuedMessage()
        try programme.database.recordDelivery(of: id, .temporaryFailure("451 busy"))
        #expect(try programme.database.message(id).nextAttemptAt == at("2025-11-03 09:01"))
        programme.clock.set("2025-11-03 09:01")
        try programme.database.recordDelivery(of: id, .temporaryFailure("451 busy"))
        #expect(try programme.database.message(id).nextAttemptAt == at("2025-11-03 09:03"))
        #expect(try programme.database.message(id).status == .queued)
    }

    @Test func aMessageNotDeliveredWithin48HoursFailsAndTheOfficerIsTold() throws {
        let (programme, id) = try queuedMessage()
        programme.clock.set("2025-11-05 09:00")
        try programme.database.recordDelivery(of: id, .temporaryFailure("451 busy"))
        let failed = try programme.database.message(id)
        #expect(failed.status == .failed)
        #expect(failed.lastError == "not delivered within 48 hours: 451 busy")
        #expect(try programme.database.outbox().contains { $0.kind == .deliveryFailed })
    }

    @Test func aFailedMessageRetriedIsQueuedAgainAndTheRetryIsAudited() throws {
        let (programme, id) = try queuedMessage()
        try programme.database.recordDelivery(of: id, .permanentFailure("550 no such user"))
        try programme.database.retryMessage(id, by: "officer")
        let again = try programme.database.message(id)
        #expect(again.status == .queued)
        #expect(again.attempts == 0)
        #expect(try programme.database.auditLog().contains { $0.action == .messageRetried })
    }

    @Test func aFailedMessageWhoseWordsWereClearedIsNotRetried() throws {
        let (programme, id) = try queuedMessage()
        try programme.database.recordDelivery(of: id, .permanentFailure("550 no such user"))
        programme.clock.set("2026-02-02 09:00")   // 91 days on
        #expect(try programme.database.clearOldMessageBodies() == 1)
        #expect(throws: MessageRefusal.cleared(id: id)) { try programme.database.retryMessage(id, by: "officer") }
        #expect(try programme.database.message(id).status == .failed)
    }

    @Test func whatASentMessageSaidAndWhoItWentToAreClearedAfterTheRetentionPeriodLeavingTheEnvelope() throws {
        let (programme, id) = try queuedMessage()
        let queued = try programme.database.message(id)
        #expect(queued.facts?.courseTitle == Programme.halfDay)
        #expect(queued.recipientAddress == "sam@council.example" && queued.recipientName == "Sam Patel")
        #expect(queued.copyAddresses == ["booker@council.example"])
        try programme.database.recordDelivery(of: id, .sent(subject: "Place confirmed", text: "Dear Sam", html: "<p>Dear Sam</p>"))
        programme.clock.set("2026-01-31 09:00")   // 89 days on
        #expect(try programme.database.clearOldMessageBodies() == 0)
        #expect(try programme.database.message(id).recipientAddress == "sam@council.example")
        programme.clock.set("2026-02-02 09:00")   // 91 days on
        #expect(try programme.database.clearOldMessageBodies() == 1)
        let cleared = try programme.database.message(id)
        #expect(cleared.subject == nil && cleared.textBody == nil && cleared.htmlBody == nil && cleared.facts == nil)
        #expect(cleared.recipientAddress == nil && cleared.recipientName == nil && cleared.copyAddresses.isEmpty)
        // The envelope: kind, the recipient's id, times and status.
        #expect(cleared.kind == .placeConfirmed && cleared.status == .sent)
        #expect(cleared.learnerId == queued.learnerId && cleared.learnerId != nil)
        #expect(cleared.createdAt == queued.createdAt && cleared.sentAt == at("2025-11-03 09:00"))
        #expect(cleared.bodyClearedAt == at("2026-02-02 09:00"))
    }

    @Test func theServersWordsOnAFailedMessageNamingItsAddressAreClearedWithIt() throws {
        let (programme, id) = try queuedMessage()
        try programme.database.recordDelivery(of: id, .permanentFailure("550 5.1.1 <sam@council.example>: no such mailbox"))
        programme.clock.set("2026-02-02 09:00")   // 91 days on
        #expect(try programme.database.clearOldMessageBodies() == 1)
        let cleared = try programme.database.message(id)
        #expect(cleared.status == .failed && cleared.lastError == nil && cleared.recipientAddress == nil)
    }

    @Test func erasureRemovesThePersonsMessagesAndSubjectAccessListsThem() throws {
        let (programme, _) = try queuedMessage()
        let record = try programme.database.subjectAccess(email: "sam@council.example")
        let messages = try #require(record.sections.first { $0.title == "Email messages" })
        #expect(messages.rows.count == 1)
        try programme.database.erase(email: "sam@council.example", reason: "asked", by: "officer")
        #expect(try programme.database.outbox().isEmpty)
    }
}
