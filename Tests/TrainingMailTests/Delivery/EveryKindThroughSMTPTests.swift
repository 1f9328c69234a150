import Foundation
import Testing
import TrainingCore
@testable import TrainingMail
import TrainingStore

/// Each message the partnership's changes owe, delivered through a real SMTP server and read back as a mail
/// client reads it: who it went to, what its words say, and its attachment. The confirmed place, the
/// cancellation's event and the officer's alert of a failed message are in DeliveryThroughSMTPTests.
@Suite("Every kind of message read back from a real SMTP server", .serialized)
struct EveryKindThroughSMTPTests {
    /// A message as the server received it: who it went to, and the message read back.
    typealias Arrived = (recipients: [String], mail: ReceivedMail)

    /// Delivers what is due and reads back every message the server received, in the order it received them.
    private func deliverAndReadBack(_ partnership: MailingPartnership, _ server: SMTPTestServer) async throws -> [Arrived] {
        _ = try await partnership.deliver()
        var mails: [Arrived] = []
        for received in try server.received() {
            let mail = try await received.message()
            #expect(mail.defects.isEmpty, "\(mail.header("Subject") ?? ""): \(mail.defects)")
            mails.append((received.recipients, mail))
        }
        return mails
    }

    /// The message received whose subject starts with `start`.
    private func arrived(_ mails: [Arrived], subjectStartingWith start: String) throws -> Arrived {
        try #require(mails.first { $0.mail.header("Subject")?.hasPrefix(start) == true }, "no message's subject starts with \(start)")
    }

    private func text(_ mail: ReceivedMail) throws -> String {
        try #require(mail.part("text/plain")).content
    }

    private func html(_ mail: ReceivedMail) throws -> String {
        try #require(mail.part("text/html")).content
    }

    @Test func aFullSessionPutsTheNextLearnerOnTheWaitingListWithTheirPosition() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            try partnership.database.book(session: partnership.session, learnerEmail: "jo@council.example", by: "booker")
            let mails = try await deliverAndReadBack(partnership, server)
            try #require(mails.count == 2)
            let waiting = mails[1]
            #expect(waiting.recipients == ["jo@council.example", "booker@council.example"])
            #expect(waiting.mail.header("Subject") == "You are on the waiting list: Introduction to Safeguarding, Monday 17 November 2025")
            let words = try text(waiting.mail)
            #expect(words.contains("Your place on the waiting list: number 1"))
            #expect(words.contains("You do not have a place yet."))
            #expect(try html(waiting.mail).contains("number 1"))
            // No place, so no event to add to a calendar.
            #expect(waiting.mail.part("text/calendar") == nil)
        }
    }

    @Test func aPlaceFreedGoesToTheFirstWaitingWithTheEventToAdd() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            let first = try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker").booking
            try partnership.database.book(session: partnership.session, learnerEmail: "jo@council.example", by: "booker")
            try partnership.database.cancelBooking(first.storedID, by: "booker")
            let mails = try await deliverAndReadBack(partnership, server)
            let offered = try arrived(mails, subjectStartingWith: "A place has come up for you")
            #expect(offered.recipients == ["jo@council.example", "booker@council.example"])
            #expect(offered.mail.header("To") == "Jo Bloggs <jo@council.example>")
            let words = try text(offered.mail)
            #expect(words.contains("it is now yours"))
            #expect(words.contains("Venue: Halifax Town Hall"))
            #expect(words.contains("/my/"))
            let event = try #require(offered.mail.part("text/calendar"))
            #expect(event.params["method"] == "REQUEST")
            #expect(event.content.contains("LOCATION:Halifax Town Hall"))
        }
    }

    @Test func aSubstitutionTakesTheEventFromTheLeaverAndGivesItToTheJoiner() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            let booking = try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker").booking
            try partnership.database.substitute(booking: booking.storedID, with: "jo@council.example", by: "booker")
            let mails = try await deliverAndReadBack(partnership, server)
            try #require(mails.count == 3)
            let leaver = mails[1], joiner = mails[2]
            #expect(leaver.recipients == ["sam@council.example", "booker@council.example"])
            #expect(leaver.mail.header("Subject") == "Your place has been given to a colleague: Introduction to Safeguarding, Monday 17 November 2025")
            #expect(try text(leaver.mail).contains("You no longer have a place."))
            // The leaver's mail names only the leaver: nothing of the colleague who took the place.
            #expect(try !text(leaver.mail).contains("Jo"))
            let cancel = try #require(leaver.mail.part("text/calendar"))
            #expect(cancel.params["method"] == "CANCEL")
            #expect(joiner.recipients == ["jo@council.example", "booker@council.example"])
            #expect(joiner.mail.header("Subject") == "You have a place: Introduction to Safeguarding, Monday 17 November 2025")
            #expect(try text(joiner.mail).contains("The place is now yours."))
            #expect(try !text(joiner.mail).contains("Sam"))
            let request = try #require(joiner.mail.part("text/calendar"))
            #expect(request.params["method"] == "REQUEST")
        }
    }

    @Test func aSessionCancelledByThePartnershipTellsTheLearnerWithNoChargeAndCancelsTheEvent() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            _ = try partnership.database.cancelSession(partnership.session, reason: .trainer, note: nil, by: "officer")
            let mails = try await deliverAndReadBack(partnership, server)
            let cancelled = try arrived(mails, subjectStartingWith: "Session cancelled")
            #expect(cancelled.recipients == ["sam@council.example", "booker@council.example"])
            let words = try text(cancelled.mail)
            #expect(words.contains("we have had to cancel Introduction to Safeguarding on Monday 17 November 2025"))
            #expect(words.contains("There is no charge to your agency."))
            let event = try #require(cancelled.mail.part("text/calendar"))
            #expect(event.params["method"] == "CANCEL")
            #expect(event.content.contains("STATUS:CANCELLED"))
        }
    }

    @Test func theJoiningInstructionsGoToTheLearnerAloneFiveWorkingDaysBefore() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            _ = try await partnership.deliver()
            // Five working days before Monday 17 November 2025 is Monday 10 November.
            try partnership.clock.set("2025-11-10 08:00")
            let mails = try await deliverAndReadBack(partnership, server)
            try #require(mails.count == 2)
            let reminder = mails[1]
            #expect(reminder.recipients == ["sam@council.example"])
            #expect(reminder.mail.header("Subject") == "Joining instructions: Introduction to Safeguarding, Monday 17 November 2025")
            let words = try text(reminder.mail)
            #expect(words.contains("Where: Halifax Town Hall"))
            #expect(words.contains("09:30 to 12:30"))
            #expect(words.contains("/my/"))
            #expect(try html(reminder.mail).contains("Halifax Town Hall"))
        }
    }

    @Test func theEvaluationInvitationCarriesTheLearnersOwnLinkOnceTheSessionIsDelivered() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            try partnership.clock.set("2025-11-17 13:00")
            try partnership.database.mark(session: partnership.session, present: ["sam@council.example"], by: "officer")
            try partnership.database.deliverSession(partnership.session, by: "officer")
            let mails = try await deliverAndReadBack(partnership, server)
            let invitation = try arrived(mails, subjectStartingWith: "Tell us what you thought")
            #expect(invitation.recipients == ["sam@council.example"])
            #expect(invitation.mail.header("Subject") == "Tell us what you thought of Introduction to Safeguarding")
            let words = try text(invitation.mail)
            let link = try #require(words.split(separator: "\n").first { $0.contains("/evaluate/") })
            #expect(link.hasPrefix("http://127.0.0.1:8080/evaluate/"))
            // The link in the HTML part is the same personal link.
            #expect(try html(invitation.mail).contains(String(link)))
        }
    }

    @Test func aNonAttendanceIsToldToTheLearnerAndTheirBookerWithTheCharge() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            try partnership.clock.set("2025-11-17 13:00")
            try partnership.database.mark(session: partnership.session, absent: ["sam@council.example"], by: "officer")
            let mails = try await deliverAndReadBack(partnership, server)
            let notice = try arrived(mails, subjectStartingWith: "You did not attend")
            #expect(notice.recipients == ["sam@council.example", "booker@council.example"])
            #expect(notice.mail.header("Cc") == "booker@council.example")
            // The default policy's non-attendance fee for a half day (180 minutes): £50.00.
            #expect(try text(notice.mail).contains("A non-attendance charge of £50.00 applies. It will be invoiced to Calderdale Council."))
            #expect(try html(notice.mail).contains("£50.00"))
        }
    }

    @Test func anInvoiceGoesToTheBillingContactWithTheAgencysWorkbookAttached() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.book(session: partnership.session, learnerEmail: "sam@council.example", by: "booker")
            try partnership.clock.set("2025-11-17 13:00")
            try partnership.database.mark(session: partnership.session, absent: ["sam@council.example"], by: "officer")
            let invoices = try partnership.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "officer")
            try #require(invoices.count == 1)
            let number = invoices[0].number
            let mails = try await deliverAndReadBack(partnership, server)
            let invoice = try arrived(mails, subjectStartingWith: "Invoice")
            #expect(invoice.recipients == ["accounts@council.example"])
            #expect(try text(invoice.mail).contains("Invoice \(number) for Calderdale Council is attached."))
            #expect(try text(invoice.mail).contains("Total: £50.00"))
            let workbook = try #require(invoice.mail.parts.first { $0.disposition == "attachment" })
            #expect(workbook.filename == "invoice-\(number).xlsx")
            #expect(workbook.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            // An XLSX is a zip: it starts with the local file header's signature, PK\u{3}\u{4}.
            #expect(Array(workbook.bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            // A booker's copy is not sent: an invoice is for the billing contact.
            #expect(!invoice.recipients.contains("booker@council.example"))
        }
    }

    @Test func aSessionUnderItsMinimumNearItsCutoffAlertsTheOfficer() async throws {
        try await SMTPTestServer.run { server in
            let partnership = try MailingPartnership(relayPort: server.port)
            try partnership.database.setSetting("officer-email", to: "officer@partnership.example", by: "officer")
            let short = try partnership.database.scheduleSession(
                SessionPlan(courseTitle: "Introduction to Safeguarding", start: LondonTime.parse("2025-11-17 13:30"),
                            end: LondonTime.parse("2025-11-17 16:30"), venue: "Halifax Town Hall", capacity: 6, minimumNumbers: 4),
                by: "officer").storedID
            try partnership.database.book(session: short, learnerEmail: "sam@council.example", by: "booker")
            try partnership.clock.set("2025-11-11 09:00")
            let mails = try await deliverAndReadBack(partnership, server)
            let alert = try arrived(mails, subjectStartingWith: "Under minimum numbers")
            #expect(alert.recipients == ["officer@partnership.example"])
            let words = try text(alert.mail)
            #expect(words.contains("Booked: 1\n"))
            #expect(words.contains("Minimum: 4\n"))
        }
    }
}
