import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("Requests for places on the web: the learner asks, their agency's booker decides")
struct PlaceRequestWebTests {
    /// The web fixture (mail on) with Calderdale NHS taking requests; Sam's link to their own page.
    func requesting() throws -> (WebFixture, sam: String) {
        let fixture = try WebFixture.mailing()
        try fixture.database.setAgencyTakesRequests(agencyName: "Calderdale NHS", true, by: "officer")
        let link = try fixture.database.issueLearnerLink(email: "sam@nhs.example", by: "officer").link
        return (fixture, String(link.split(separator: "/").last ?? ""))
    }

    @Test func theLearnerAsksForAPlaceAndTheBookerSeesItCountedAndApprovesIt() async throws {
        let (fixture, sam) = try requesting()
        try await fixture.withBrowser { browser in
            let page = Browser.text(try await browser.get("/my/\(sam)"))
            #expect(page.contains(#"<a href="/my/\#(sam)/sessions">Ask for a place on a session</a>"#))
            let sessions = Browser.text(try await browser.get("/my/\(sam)/sessions"))
            #expect(sessions.contains("<h1>Ask for a place</h1>"))
            #expect(sessions.contains(#"<form method="post" action="/my/\#(sam)/sessions/\#(fixture.session)/request" class="inline-form">"#))
            let asked = try await browser.post("/my/\(sam)/sessions/\(fixture.session)/request", [])
            #expect(asked.status == .seeOther)
            #expect(asked.headers[.location] == "/my/\(sam)?requested=1#requests")
            let after = Browser.text(try await browser.get("/my/\(sam)?requested=1"))
            #expect(after.contains("Your request has gone to your agency&#39;s booker. You will be emailed when they decide."))
            #expect(after.contains("Waiting for your agency"))
            // Asked twice: refused on the sessions page, which no longer lists the session.
            let again = try await browser.post("/my/\(sam)/sessions/\(fixture.session)/request", [])
            #expect(again.status == .unprocessableContent)
            #expect(Browser.text(again).contains("You have already asked for a place on this session"))

            browser.clearCookies()
            try await browser.signIn("booker@nhs.example")
            let list = Browser.text(try await browser.get("/agency/requests"))
            #expect(list.contains(#"<li><a href="/agency/requests" aria-current="page">Requests (1)</a></li>"#))
            #expect(list.contains("<td>Sam Patel</td><td>Introduction to Safeguarding</td>"))
            #expect(list.contains("<td>20 left</td>"))
            let id = try #require(list.firstMatch(of: #/requests/(\d+)/approve/#)?.1)
            let approved = try await browser.post("/agency/requests/\(id)/approve", [])
            #expect(approved.headers[.location] == "/agency/requests")
            let done = Browser.text(try await browser.get("/agency/requests"))
            #expect(done.contains("Sam Patel&#39;s request is approved: their place on Introduction to Safeguarding is confirmed."))
            #expect(done.contains(#"<li><a href="/agency/requests" aria-current="page">Requests</a></li>"#))
            #expect(done.contains("No requests are waiting."))
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).map(\.learnerName) == ["Sam Patel"])
    }

    @Test func theBookerDeclinesWithAReasonAndAnotherAgencysBookerCannotSeeOrDecideIt() async throws {
        let (fixture, sam) = try requesting()
        let id = try fixture.database.requestPlace(token: sam, session: fixture.session).storedID
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@council.example")
            let theirs = Browser.text(try await browser.get("/agency/bookings"))
            #expect(!theirs.contains("/agency/requests"))   // their agency takes no requests and has none
            #expect(try await browser.get("/agency/requests/\(id)/decline").status == .notFound)
            #expect(try await browser.post("/agency/requests/\(id)/approve", []).status == .notFound)
            #expect(!Browser.text(try await browser.get("/agency/requests")).contains("Sam Patel"))

            browser.clearCookies()
            try await browser.signIn("booker@nhs.example")
            let form = Browser.text(try await browser.get("/agency/requests/\(id)/decline"))
            #expect(form.contains("<h1>Decline Sam Patel&#39;s request?</h1>"))
            let blank = try await browser.post("/agency/requests/\(id)/decline", [("reason", "")])
            #expect(blank.status == .unprocessableContent)
            #expect(Browser.text(blank).contains("Say why the request is declined: the learner is told"))
            let declined = try await browser.post("/agency/requests/\(id)/decline", [("reason", "Needed on the ward that day")])
            #expect(declined.status == .seeOther)
            let list = Browser.text(try await browser.get("/agency/requests"))
            #expect(list.contains("<td>Declined: Needed on the ward that day</td>"))
        }
        let page = try fixture.database.ownTraining(token: sam)
        #expect(page.requests.map(\.state) == [.declined])
        #expect(try fixture.database.messages(MessageFilter(kind: .requestDeclined)).map(\.recipientAddress) == ["sam@nhs.example"])
    }

    @Test func aLearnerWhoseAgencyTakesNoRequestsIsNotOfferedThem() async throws {
        let fixture = try WebFixture.mailing()
        let kim = String(try fixture.database.issueLearnerLink(email: "kim@council.example", by: "officer").link.split(separator: "/").last ?? "")
        try await fixture.withBrowser { browser in
            #expect(!Browser.text(try await browser.get("/my/\(kim)")).contains("Ask for a place"))
            #expect(Browser.text(try await browser.get("/my/\(kim)/sessions")).contains("No sessions are open for requests at the moment."))
            try await browser.get("/login")
            let refused = try await browser.post("/my/\(kim)/sessions/\(fixture.session)/request", [])
            #expect(refused.status == .unprocessableContent)
            #expect(Browser.text(refused).contains("Your agency does not take requests for places here"))
        }
        #expect(try fixture.database.agencyPlaceRequests(agencyId: 2).isEmpty)
    }
}
