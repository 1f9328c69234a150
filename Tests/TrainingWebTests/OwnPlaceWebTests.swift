import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("A learner's own place, from the link in their messages")
struct OwnPlaceWebTests {
    /// Sam and Kim booked on the fixture's session (30 days away, before the charging cut-off), and the
    /// personal token each one's confirmation carried.
    func twoPlaces() throws -> (WebFixture, sam: String, kim: String) {
        let fixture = try WebFixture.mailing()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker")
        let tokens = try fixture.deliver()
        return (fixture, try #require(tokens["sam@nhs.example"]), try #require(tokens["kim@council.example"]))
    }

    @Test func theLinkShowsTheLearnersOwnPlaceAndNobodyElses() async throws {
        let (fixture, sam, kim) = try twoPlaces()
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/my/\(sam)")
            #expect(page.status == .ok)
            let text = Browser.text(page)
            #expect(text.contains("<p>Sam Patel, this is your place.</p>"))
            #expect(text.contains("<dt>Course</dt><dd>Introduction to Safeguarding (Foundation)</dd>"))
            #expect(text.contains("<dt>Venue</dt><dd>Halifax Town Hall</dd>"))
            #expect(text.contains(#"<a href="/my/\#(sam)/cancel" class="button warning">Cancel this place</a>"#))
            #expect(!text.contains("Kim Lee") && !text.contains("Calderdale"))

            let kims = Browser.text(try await browser.get("/my/\(kim)"))
            #expect(kims.contains("<p>Kim Lee, this is your place.</p>"))
            #expect(!kims.contains("Sam Patel") && !kims.contains(sam))
        }
    }

    @Test func anUnknownLinkIsNotFoundAndShowsNothingOfAnyone() async throws {
        let (fixture, sam, _) = try twoPlaces()
        try await fixture.withBrowser { browser in
            for path in ["/my/\(sam)x", "/my/\(sam)x/cancel", "/my/nothing"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound)
                let text = Browser.text(response)
                #expect(text.contains("This link is not valid"))
                for shown in ["Sam Patel", "Kim Lee", "Introduction to Safeguarding", "Halifax Town Hall", "Calderdale"] {
                    #expect(!text.contains(shown), "\(path) shows \(shown)")
                }
            }
            try await browser.get("/my/\(sam)/cancel")   // the visitor's form token
            #expect(try await browser.post("/my/nothing/cancel", []).status == .notFound)
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).allSatisfy { $0.status == .confirmed })
    }

    @Test func theLearnerSeesThatNoChargeAppliesBeforeTheyCancelAndThenCancelsAsABookerWould() async throws {
        let (fixture, sam, kim) = try twoPlaces()
        let place = try #require(try fixture.database.agencyBookings(agencyId: 1).first)
        try await fixture.withBrowser { browser in
            let confirm = Browser.text(try await browser.get("/my/\(sam)/cancel"))
            #expect(confirm.contains(#"<p id="charge">No charge applies.</p>"#))
            #expect(confirm.contains(#"<form method="post" action="/my/\#(sam)/cancel" novalidate>"#))
            #expect(!confirm.contains("Kim Lee"))
            // Without the form's token nothing happens.
            #expect(try await browser.post("/my/\(sam)/cancel", [("reason", "On leave")], csrf: .some(nil)).status == .forbidden)
            #expect(try fixture.database.agencyBookings(agencyId: 1).first?.status == .confirmed)

            let done = try await browser.post("/my/\(sam)/cancel", [("reason", "On leave")])
            #expect(done.status == .ok)
            #expect(Browser.text(done).contains("Your place is cancelled, and the person who booked it has been told."))
            // The link no longer opens a place; Kim's still does.
            #expect(try await browser.get("/my/\(sam)").status == .gone)
            #expect(try await browser.get("/my/\(kim)").status == .ok)
        }
        let cancelled = try #require(try fixture.database.agencyBookings(agencyId: 1).first { $0.id == place.id })
        #expect(cancelled.status == .cancelled)
        let audit = try fixture.database.auditLog(limit: 50).first { $0.action == .bookingCancelled }
        #expect(audit?.actor == "learner (own link)")
    }

    @Test func afterTheCutoffTheLearnerIsToldToAskTheirBooker() async throws {
        let fixture = try WebFixture.mailing()
        let soon = LondonTime.startOfDay(LondonTime.date(of: Date()).adding(days: 3)).addingTimeInterval(9.5 * 3600)
        let session = try #require(try fixture.database.scheduleSession(
            SessionPlan(courseTitle: "Introduction to Safeguarding", start: soon, end: soon.addingTimeInterval(3 * 3600), venue: "Brighouse Library"),
            by: "setup").id)
        try fixture.database.book(session: session, learnerEmail: "jo@nhs.example", by: "booker")
        let token = try #require(try fixture.deliver()["jo@nhs.example"])
        try await fixture.withBrowser { browser in
            let page = Browser.text(try await browser.get("/my/\(token)"))
            #expect(page.contains(#"<p id="ask-booker">It is too close to the session to cancel here"#))
            #expect(!page.contains("Cancel this place"))
            let refused = Browser.text(try await browser.get("/my/\(token)/cancel"))
            #expect(refused.contains("Ask the person who booked your place"))
            try await browser.get("/login")   // the visitor's form token, which no page of Jo's carries
            let posted = try await browser.post("/my/\(token)/cancel", [])
            #expect(posted.status == .ok)
            #expect(Browser.text(posted).contains("Ask the person who booked your place"))
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).allSatisfy { $0.status == .confirmed })
    }
}
