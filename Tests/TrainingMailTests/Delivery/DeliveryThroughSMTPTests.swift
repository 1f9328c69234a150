import Foundation
import Testing
import TrainingCore
@testable import TrainingMail
import TrainingStore

/// A clock the test moves by hand.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ london: String) throws { current = try LondonTime.parse(london) }
    var now: Date { lock.withLock { current } }
    func set(_ london: String) throws { let instant = try LondonTime.parse(london); lock.withLock { current = instant } }
}

/// A partnership with one agency, its booker, two learners and a half-day session on Monday 17 November
/// 2025, 09:30 to 12:30 at Halifax Town Hall, with mail on through the given relay.
struct MailingPartnership {
    let database: AppDatabase
    let clock: MovableClock
    let session: Int64

    init(relayPort: Int, at london: String = "2025-11-03 09:00") throws {
        let clock = try MovableClock(london)
        self.clock = clock
        database = try AppDatabase.inMemory(now: { clock.now })
        let half = CourseDefinition(title: "Introduction to Safeguarding", level: .foundation, delivery: .faceToFace,
                                    duration: CourseDuration(minutes: 180)!, capacity: 1, minimumNumbers: 0, prerequisites: [],
                                    summary: "The basics.", outcomes: [])
        try database.importCatalogue([CatalogueEntry(definition: half, file: "Courses/test.yaml", line: 2, fieldLines: [:])], by: "officer")
        try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority, billingContact: "accounts@council.example"),
                               by: "officer")
        for (name, email) in [("Sam Patel", "sam@council.example"), ("Jo Bloggs", "jo@council.example")] {
            try database.addLearner(LearnerDetails(name: name, email: EmailAddress(email), agencyName: "Calderdale Council", jobRole: nil),
                                    by: "officer")
        }
        _ = try database.addUser(email: "booker@council.example", name: "Bea Booker", role: .booker, agencyName: "Calderdale Council",
                                 passwordHash: "x", by: "officer")
        for (key, value) in [("mail-transport", "smtp"), ("smtp-host", "127.0.0.1"), ("smtp-port", String(relayPort)),
                             ("smtp-security", "none"), ("mail-from", "training@partnership.example"),
                             ("officer-email", "officer@partnership.example"), ("mail-rate-per-minute", "100000")] {
            try database.setSetting(key, to: value, by: "officer")
        }
        session = try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: LondonTime.parse("2025-11-17 09:30"),
                                                           end: LondonTime.parse("2025-11-17 12:30"), venue: "Halifax Town Hall"),
                                               by: "officer").storedID
    }

    func deliver() async throws -> DeliveryPass {
        try await MailService.delivery(for: database, settings: database.settings(), environment: [:]).runOnce()
    }
}

@Suite("Messages delivered through a real SMTP server", .serialized)
struct DeliveryThroughSMTPTests {
    @Test func aConfirmedPlaceArrivesWithBothPartsAndAnInvitationThatOutlookAdds() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            let pass = try await partnership.deliver()
            #expect(pass.sent == 1)
            let received = try server.received()
            try #require(received.count == 1)
            #expect(received[0].recipients == ["sam@council.example", "booker@council.example"])
            let mail = try await received[0].message()
            #expect(mail.defects.isEmpty)
            #expect(mail.header("To") == "Sam Patel <sam@council.example>")
            #expect(mail.header("Cc") == "booker@council.example")
            #expect(mail.header("Subject")?.contains("Introduction to Safeguarding") == true)
            let text = try #require(mail.part("text/plain")).content
            #expect(text.contains("Monday 17 November 2025"))
            #expect(text.contains("09:30 to 12:30"))
            #expect(text.contains("Halifax Town Hall"))
            #expect(text.contains("/my/"))
            #expect(try #require(mail.part("text/html")).content.contains("Halifax Town Hall"))
            let calendar = try #require(mail.part("text/calendar"))
            #expect(calendar.params["method"] == "REQUEST")
            #expect(calendar.content.contains("METHOD:REQUEST"))
            #expect(calendar.content.contains("SEQUENCE:0"))
            #expect(try partnership.database.outboxCounts().sent == 1)
        }
    }

    @Test func aCancellationSendsTheSameEventCancelledWithAHigherSequence() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port, at: "2025-10-20 09:00")
            let booking = try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker").booking
            try partnership.database.cancelBooking(booking.storedID, by: "booker")
            _ = try await partnership.deliver()
            let mails = try await server.received().asyncMap { try await $0.message() }
            try #require(mails.count == 2)
            let request = try #require(mails[0].part("text/calendar")).content
            let cancel = try #require(mails[1].part("text/calendar"))
            #expect(cancel.params["method"] == "CANCEL")
            #expect(cancel.content.contains("STATUS:CANCELLED"))
            #expect(cancel.content.contains("SEQUENCE:1"))
            let uid = { (ics: String) in ics.split(whereSeparator: \.isNewline).first { $0.hasPrefix("UID:") }.map(String.init) }
            #expect(uid(request) != nil)
            #expect(uid(request) == uid(cancel.content))
        }
    }

    @Test func aBookingThatRollsBackSendsNothing() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            #expect(throws: (any Error).self) {
                try partnership.database.book(session: partnership.session, learnerEmails: ["sam@council.example", "nobody@council.example"],
                                              by: "booker")
            }
            let pass = try await partnership.deliver()
            #expect(pass.sent == 0)
            #expect(try server.received().isEmpty)
        }
    }

    @Test func aRecipientRefusedForGoodFailsTheMessageAndTellsTheOfficer() async throws {
        try await SMTPTestServer.run(.init(replies: ["jo@council.example": 550])) { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.setSetting("officer-email", to: "officer@partnership.example", by: "officer")
            // Jo's agency's booker would be copied: with their account switched off, the message goes to Jo alone.
            _ = try partnership.database.setUserActive(email: "booker@council.example", active: false, by: "officer")
            try partnership.database.book(session: partnership.session, learnerEmail: "jo@council.example", by: "booker")
            let pass = try await partnership.deliver()
            #expect(pass.failed == 1)
            let failed = try #require(try partnership.database.messages(MessageFilter(status: .failed)).first)
            #expect(failed.lastError?.contains("550") == true)
            // The officer's alert is owed as the failure is recorded, and goes in the same pass.
            #expect(pass.sent == 1)
            let alert = try #require(try server.received().last)
            #expect(alert.recipients == ["officer@partnership.example"])
            let text = try #require(try await alert.message().part("text/plain")).content
            #expect(text.contains("jo@council.example"))
        }
    }

    @Test func withTheRelayDownAMessageWaitsAndIsDeliveredOnceItIsBack() async throws {
        // A port nothing listens on: connection refused, a temporary failure.
        let partnership = try MailingPartnership(relayPort: 1)
        try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
        let down = try await partnership.deliver()
        #expect(down.retrying == 1)
        let queued = try #require(try partnership.database.messages(MessageFilter(status: .queued)).first)
        #expect(queued.attempts == 1)
        #expect(queued.nextAttemptAt > partnership.clock.now)
        try await SMTPTestServer.run { server in
            try partnership.database.setSetting("smtp-port", to: String(server.port), by: "officer")
            // Not before its next attempt is due...
            #expect(try await partnership.deliver().sent == 0)
            // ...and then it goes.
            try partnership.clock.set("2025-11-03 09:05")
            #expect(try await partnership.deliver().sent == 1)
            #expect(try server.received().count == 1)
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var values: [T] = []
        for element in self { values.append(try await transform(element)) }
        return values
    }
}
