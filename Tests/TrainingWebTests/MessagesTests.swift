import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

extension WebFixture {
    /// The web tests' partnership with mail on (into a Maildir, never sent in these tests), so each change
    /// writes its messages to the outbox.
    static func mailing(now: @escaping @Sendable () -> Date = Date.init) throws -> WebFixture {
        let fixture = try WebFixture(now: now)
        try fixture.database.setSetting("mail-transport", to: "maildir", by: "setup")
        try fixture.database.setSetting("mail-from", to: "training@partnership.example", by: "setup")
        try fixture.database.setSetting("officer-email", to: "officer@partnership.example", by: "setup")
        return fixture
    }

    /// The outbox's message to `address` of `kind` (the newest), numbered as the officer's list numbers it.
    func message(to address: String, _ kind: MessageKind = .placeConfirmed) throws -> OutboxMessage {
        try database.queueOwedMessages()
        return try #require(try database.messages(MessageFilter(kind: kind)).first { $0.recipientAddress == address })
    }

    /// Delivers the messages due as the mail service would: those to `failing` refused for good, the rest
    /// sent. Returns the personal "manage my place" token each learner's message carried, by address.
    @discardableResult
    func deliver(failing address: String? = nil) throws -> [String: String] {
        var tokens: [String: String] = [:]
        for prepared in try database.messagesDue(limit: 100) {
            let id = try #require(prepared.message.id)
            let recipient = try #require(prepared.message.recipientAddress)
            if let link = prepared.facts.manageLink, let token = link.components(separatedBy: "/my/").last {
                tokens[recipient] = token
            }
            if recipient == address {
                try database.recordDelivery(of: id, .permanentFailure("550 5.1.1 <\(address ?? "")>: no such mailbox"))
            } else {
                try database.recordDelivery(of: id, .sent(subject: "Place confirmed: Introduction to Safeguarding",
                                                          text: "Dear \(prepared.facts.recipientName),\n\nYour place is confirmed.\n", html: ""))
            }
        }
        return tokens
    }
}

@Suite("The officer's messages: the outbox, retrying, and each kind's words")
struct MessagesTests {
    @Test func theOutboxListsEveryMessageNewestFirstWithItsCountsAndFilters() async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker")
        try fixture.deliver(failing: "sam@nhs.example")
        let sam = try fixture.message(to: "sam@nhs.example"), kim = try fixture.message(to: "kim@council.example")
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages"))
            // Sam's failed, Kim's sent, and the officer's alert about Sam's queued.
            #expect(page.contains(#"<dt>Queued</dt><dd><a href="/officer/messages?status=queued">1<"#))
            #expect(page.contains(#"<dt>Sent</dt><dd><a href="/officer/messages?status=sent">1<"#))
            #expect(page.contains(#"<dt>Failed</dt><dd><a href="/officer/messages?status=failed">1<"#))
            #expect(page.contains("<caption>Messages, newest first</caption>"))
            let alert = try #require(page.range(of: "A message not delivered")), kims = try #require(page.range(of: "kim@council.example"))
            #expect(alert.lowerBound < kims.lowerBound)

            let failed = Browser.text(try await browser.get("/officer/messages?status=failed"))
            #expect(failed.contains(#"<a href="/officer/messages/\#(sam.id!)">"#))
            #expect(failed.contains("550 5.1.1"))
            #expect(!failed.contains("kim@council.example"))
            #expect(failed.contains(#"<option value="failed" selected>Failed</option>"#))

            let kimsOwn = Browser.text(try await browser.get("/officer/messages?learner=kim%40council.example"))
            #expect(kimsOwn.contains(#"<a href="/officer/messages/\#(kim.id!)">"#))
            #expect(!kimsOwn.contains("sam@nhs.example"))
            #expect(kimsOwn.contains(#"value="kim@council.example""#))

            let alerts = Browser.text(try await browser.get("/officer/messages?kind=delivery-failed"))
            #expect(alerts.contains("officer@partnership.example") && !alerts.contains("kim@council.example"))

            let nobody = try await browser.get("/officer/messages?learner=nobody%40nhs.example")
            #expect(nobody.status == .unprocessableContent)
            #expect(Browser.text(nobody).contains(##"<a href="#learner">"##))
            #expect(try await browser.get("/officer/messages?status=lost").status == .notFound)
            #expect(try await browser.get("/officer/messages?kind=gossip").status == .notFound)
        }
    }

    @Test func openingTheOutboxOrAMessageNumbersTheNewPlacesMessagesStillOwed() async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages"))
            #expect(page.contains(#"<a href="/officer/messages/1">1</a>"#))
            #expect(!page.contains("Not numbered yet"))
            try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker")
            let kims = try await browser.get("/officer/messages/2")
            #expect(kims.status == .ok)
            #expect(Browser.text(kims).contains("kim@council.example"))
        }
    }

    @Test func aMessageStillOwedIsShownWithoutANumberAndThePageSaysWhy() throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        let owed = try #require(try fixture.database.messages(MessageFilter()).first)
        #expect(owed.id == nil)
        let html = try Pages().content("officer-messages", MessagesPage(
            queuedCount: 1, sentCount: 0, failedCount: 0, statuses: [], kinds: [], learner: nil,
            messages: [MessagesPage.Row(owed)], none: false, anyOwed: true, pageNumber: 1, previous: nil, next: nil, paged: false))
        #expect(html.contains(#"<tr><th scope="row">Not numbered yet</th>"#))
        #expect(html.contains("sam@nhs.example"))
        #expect(html.contains("reload the page to number it"))
        #expect(!html.contains(#"href="/officer/messages/0""#))
    }

    @Test func aLongOutboxIsShownAPageAtATimeWithLinksBetweenThePages() async throws {
        let fixture = try WebFixture.mailing()
        // Each booking and its cancellation owe a message: 52 in all.
        for _ in 1...26 {
            let booking = try #require(try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id)
            try fixture.database.cancelBooking(booking, by: "booker")
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let first = Browser.text(try await browser.get("/officer/messages?learner=sam%40nhs.example"))
            #expect(first.components(separatedBy: #"<tr><th scope="row">"#).count - 1 == MessagesController.pageSize)
            #expect(first.contains(#"<a href="/officer/messages?learner=sam%40nhs.example&amp;page=2" rel="next">Older messages</a>"#))
            #expect(!first.contains("Newer messages"))
            let second = Browser.text(try await browser.get("/officer/messages?learner=sam%40nhs.example&page=2"))
            #expect(second.components(separatedBy: #"<tr><th scope="row">"#).count - 1 == 2)
            #expect(second.contains(#"<a href="/officer/messages?learner=sam%40nhs.example" rel="prev">Newer messages</a>"#))
            #expect(second.contains(#"<a href="/officer/messages/1">1</a>"#))
            #expect(try await browser.get("/officer/messages?page=0").status == .notFound)
        }
    }

    @Test func aMessagesPageShowsWhoItWentToAndWhatItSaidUntilRetentionClearsThem() async throws {
        let clock = WebClock(Date())
        let fixture = try WebFixture.mailing(now: clock.function)
        try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker")
        try fixture.deliver()
        let kim = try #require(try fixture.message(to: "kim@council.example").id)
        try await fixture.withBrowser(sessionClock: clock.function) { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages/\(kim)"))
            #expect(page.contains("<dt>To</dt><dd>Kim Lee, kim@council.example</dd>"))
            #expect(page.contains("<dt>Copied to</dt><dd>booker@council.example</dd>"))
            #expect(page.contains(#"<strong class="tag">Sent</strong> after 1 attempt"#))
            #expect(page.contains("<strong>Subject:</strong> Place confirmed: Introduction to Safeguarding"))
            #expect(page.contains("<p>Dear Kim Lee,</p>"))
            #expect(!page.contains("Retry message"))
            #expect(try await browser.get("/officer/messages/999").status == .notFound)
        }
        clock.advance(by: 91 * 86_400)
        try fixture.database.clearOldMessageBodies()
        try await fixture.withBrowser(sessionClock: clock.function) { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages/\(kim)"))
            #expect(page.contains("<dt>To</dt><dd>Cleared under the retention setting</dd>"))
            #expect(!page.contains("kim@council.example") && !page.contains("booker@council.example") && !page.contains("Kim Lee"))
            #expect(!page.contains("Subject:"))
            let list = Browser.text(try await browser.get("/officer/messages"))
            #expect(list.contains("<td>Cleared under the retention setting</td>") && !list.contains("kim@council.example"))
            #expect(page.contains("What it said was cleared under the retention setting"))
        }
    }

    @Test func aFailedMessageIsRetriedFromItsPage() async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        try fixture.deliver(failing: "sam@nhs.example")
        let sam = try #require(try fixture.message(to: "sam@nhs.example").id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages/\(sam)"))
            #expect(page.contains("<dt>Last problem</dt><dd>550 5.1.1 &lt;sam@nhs.example&gt;: no such mailbox</dd>"))
            #expect(page.contains(#"<form method="post" action="/officer/messages/\#(sam)/retry" novalidate>"#))
            // Without the form's token nothing changes.
            #expect(try await browser.post("/officer/messages/\(sam)/retry", [], csrf: .some(nil)).status == .forbidden)
            #expect(try fixture.database.message(sam).status == .failed)
            let response = try await browser.post("/officer/messages/\(sam)/retry", [])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/officer/messages/\(sam)")
            let after = Browser.text(try await browser.get("/officer/messages/\(sam)"))
            #expect(after.contains("Message \(sam) is queued again"))
            #expect(after.contains(#"<strong class="tag">Queued</strong>"#))
            // A message no longer failed is not retried again: the refusal is shown on its page.
            let again = try await browser.post("/officer/messages/\(sam)/retry", [])
            #expect(again.status == .unprocessableContent)
            #expect(Browser.text(again).contains("There is a problem"))
        }
        #expect(try fixture.database.message(sam).status == .queued)
    }

    @Test func aKindSwitchedOffIsWrittenNoMore() async throws {
        let fixture = try WebFixture.mailing()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/messages/words"))
            #expect(page.contains("<caption>Kinds of message</caption>"))
            #expect(page.contains(#"action="/officer/messages/words/place-confirmed/switch""#))
            let response = try await browser.post("/officer/messages/words/place-confirmed/switch", [("state", "off")])
            #expect(response.status == .seeOther)
            let after = Browser.text(try await browser.get("/officer/messages/words"))
            #expect(after.contains("Place confirmed messages are off"))
            #expect(after.contains(#"<input type="hidden" name="state" value="on"><button type="submit" class="link-button">Switch on<span class="visually-hidden"> Place confirmed messages</span>"#))
            #expect(try await browser.post("/officer/messages/words/place-confirmed/switch", [("state", "maybe")]).status == .badRequest)
            #expect(try await browser.post("/officer/messages/words/gossip/switch", [("state", "off")]).status == .notFound)
        }
        #expect(try fixture.database.messageKindsOff() == [.placeConfirmed])
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        #expect(try fixture.database.messages(MessageFilter(kind: .placeConfirmed)).isEmpty)
    }

    @Test func editedWordsArePreviewedWithTheLatestRealMessageBeforeTheyAreSaved() async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker")
        let kim = try #require(try fixture.message(to: "kim@council.example").id)
        let subject = "Booked: {{courseTitle}}", body = "Hello {{recipientName}},\r\n\r\nSee you on {{sessionDate}}.\r\n{{#manageLink}}Manage it: {{manageLink}}{{/manageLink}}"
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let form = Browser.text(try await browser.get("/officer/messages/words/place-confirmed"))
            #expect(form.contains("These are the default words."))
            #expect(form.contains(#"<input type="text" id="subject" name="subject" value="Place confirmed{{#courseTitle}}: {{courseTitle}}"#))
            #expect(form.contains(#"<textarea id="default-body" rows="20" readonly>Dear {{recipientName}},"#))

            let preview = try await browser.post("/officer/messages/words/place-confirmed", [("subject", subject), ("body", body), ("intent", "preview")])
            #expect(preview.status == .ok)
            let shown = Browser.text(preview)
            #expect(shown.contains("Shown with the facts of the latest place confirmed message in the outbox: message \(kim), to Kim Lee"))
            #expect(shown.contains("<strong>Subject:</strong> Booked: Introduction to Safeguarding"))
            #expect(shown.contains("<p>Hello Kim Lee,</p>"))
            #expect(shown.contains("/my/(the personal link, made when the message is sent)"))
            // The typed words stay in the form, and nothing is saved yet.
            #expect(shown.contains(#"value="Booked: {{courseTitle}}""#))
            #expect(try fixture.database.customMessageTemplate(.placeConfirmed) == nil)

            let saved = try await browser.post("/officer/messages/words/place-confirmed", [("subject", subject), ("body", body), ("intent", "save")])
            #expect(saved.status == .seeOther)
            let after = Browser.text(try await browser.get("/officer/messages/words/place-confirmed"))
            #expect(after.contains("Your words for place confirmed messages are saved"))
            #expect(after.contains("Your own words, last changed by web:officer@partnership.example"))
            #expect(after.contains("Go back to the default words"))

            // A kind with no message in the outbox yet is previewed with made-up facts, and says so.
            let invoice = Browser.text(try await browser.post("/officer/messages/words/invoice",
                                                              [("subject", "Invoice {{invoiceNumber}}"), ("body", "Total {{invoiceTotal}}"), ("intent", "preview")]))
            #expect(invoice.contains("Shown with made-up facts: there is no invoice message in the outbox yet."))
            #expect(invoice.contains("<p>Total £150.00</p>"))
        }
        let words = try #require(try fixture.database.customMessageTemplate(.placeConfirmed))
        #expect(words.subject == subject)
        #expect(words.body == body.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func wordsMustacheCannotReadAreRefusedOnTheirFieldWithTheLine() async throws {
        let fixture = try WebFixture.mailing()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/messages/words/reminder")
            let body = "Dear {{recipientName}},\n\n{{#venue}}\nVenue: {{venue}}\n\nSee you there."
            let refused = try await browser.post("/officer/messages/words/reminder", [("subject", "Joining instructions"), ("body", body), ("intent", "save")])
            #expect(refused.status == .unprocessableContent)
            let page = Browser.text(refused)
            #expect(page.contains(##"<a href="#body">The body, line 3: a section is opened and not closed"##))
            #expect(page.contains(#"<p class="error-message" id="body-error"><span class="visually-hidden">Error:</span> The body, line 3:"#))
            #expect(!page.contains("<h2>Preview</h2>"))

            let subject = try await browser.post("/officer/messages/words/reminder", [("subject", "Joining {{corseTitle}}"), ("body", "Hello"), ("intent", "preview")])
            #expect(Browser.text(subject).contains(##"<a href="#subject">The subject, line 1: &#39;corseTitle&#39; is not a fact a message has"##))
            let empty = try await browser.post("/officer/messages/words/reminder", [("subject", ""), ("body", ""), ("intent", "save")])
            #expect(Browser.text(empty).contains(##"<a href="#subject">Enter the subject</a>"##))
            #expect(Browser.text(empty).contains(##"<a href="#body">Enter the message</a>"##))
        }
        #expect(try fixture.database.customMessageTemplate(.reminder) == nil)
    }

    @Test func theOfficerGoesBackToTheDefaultWords() async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.setMessageTemplate(.reminder, subject: "Soon: {{courseTitle}}", body: "See you soon.", by: "officer")
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let form = Browser.text(try await browser.get("/officer/messages/words/reminder"))
            #expect(form.contains(#"value="Soon: {{courseTitle}}""#))
            let response = try await browser.post("/officer/messages/words/reminder/default", [])
            #expect(response.status == .seeOther)
            let after = Browser.text(try await browser.get("/officer/messages/words/reminder"))
            #expect(after.contains("Joining instructions messages use the default words again."))
            #expect(after.contains("These are the default words."))
            #expect(!after.contains("Go back to the default words"))
        }
        #expect(try fixture.database.customMessageTemplate(.reminder) == nil)
    }

    /// As every officer's page for another role (RoleMiddleware): not there for them, so not found.
    @Test("only the officer reaches the messages", arguments: ["booker@nhs.example", "board@partnership.example"])
    func anotherRoleFindsNoMessages(email: String) async throws {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        let sam = try #require(try fixture.message(to: "sam@nhs.example").id)
        try await fixture.withBrowser { browser in
            try await browser.signIn(email)
            for path in ["/officer/messages", "/officer/messages/\(sam)", "/officer/messages/words", "/officer/messages/words/reminder"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!Browser.text(response).contains("sam@nhs.example"))
            }
            #expect(try await browser.post("/officer/messages/words/reminder/switch", [("state", "off")]).status == .notFound)
            #expect(try await browser.post("/officer/messages/words/reminder/default", []).status == .notFound)
        }
        #expect(try fixture.database.messageKindsOff().isEmpty)
    }
}
