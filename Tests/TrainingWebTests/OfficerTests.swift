import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("The officer")
struct OfficerTests {
    @Test func schedulingASessionThenSeeingItInTheList() async throws {
        let fixture = try WebFixture()
        let start = LondonTime.date(of: Date()).adding(days: 40)
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/sessions/new")
            let response = try await browser.post("/officer/sessions", [("course", "Introduction to Safeguarding"), ("start", "\(start) 09:30"),
                                                                       ("end", "\(start) 12:30"), ("venue", "Brighouse Library"), ("capacity", "12")])
            #expect(response.status == .seeOther)
            let page = Browser.text(try await browser.get(response.headers[.location]!))
            #expect(page.contains("Brighouse Library"))
            #expect(page.contains("0 of 12 booked"))
        }
    }

    @Test func aSessionWithoutATimeIsRefusedOnTheField() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let response = try await browser.post("/officer/sessions", [("course", "Introduction to Safeguarding"), ("start", "next tuesday"), ("end", "")])
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains(##"<a href="#start">Enter the start as a date and time, like 2026-03-17 09:30</a>"##))
            #expect(page.contains(##"<a href="#end">Enter the end</a>"##))
        }
    }

    @Test func theRegisterIsMarkedOnceTheSessionHasStartedAndAnAbsenceIsCharged() async throws {
        let clock = WebClock(Date())
        let fixture = try WebFixture(now: clock.function)
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        let absent = try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker").booking.id!
        let present = try fixture.database.agencyBookings(agencyId: 1)[0].id
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            #expect(Browser.text(try await browser.get("/officer/sessions/\(fixture.session)")).contains("The register opens when the session starts."))
            clock.advance(by: fixture.sessionStart.timeIntervalSince(clock.function()) + 3600)
            try await browser.get("/officer/sessions/\(fixture.session)")
            let response = try await browser.post("/officer/sessions/\(fixture.session)/register",
                                                  [("attendance-\(present)", "present"), ("attendance-\(absent)", "absent")])
            #expect(response.status == .seeOther)
            #expect(Browser.text(try await browser.get("/officer/sessions/\(fixture.session)"))
                .contains("Register saved: 1 present, 1 absent; 1 non-attendance charges raised."))
        }
        #expect(try fixture.database.charges(agencyName: "Calderdale Council").map(\.charge.amountPence) == [5000])
    }

    @Test func anErasedLearnersRowOnTheRegisterIsMarkedByItsBooking() async throws {
        let clock = WebClock(Date())
        let fixture = try WebFixture(now: clock.function)
        let place = try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "booker").booking.id!
        clock.advance(by: fixture.sessionStart.timeIntervalSince(clock.function()) + 3600)
        try fixture.database.erase(email: "kim@council.example", reason: "DP-7", by: "officer")   // started: the place stays
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/sessions/\(fixture.session)")
            let response = try await browser.post("/officer/sessions/\(fixture.session)/register", [("attendance-\(place)", "present")])
            #expect(response.status == .seeOther)
        }
        #expect(try fixture.database.register(session: fixture.session).map(\.booking.status.rawValue) == ["attended"])
    }

    @Test func cancellingASessionReleasesItsPlaces() async throws {
        let fixture = try WebFixture()
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/sessions/\(fixture.session)")
            #expect(try await browser.post("/officer/sessions/\(fixture.session)/cancel", [("reason", "trainer")]).status == .seeOther)
        }
        #expect(try fixture.database.sessionDetails(fixture.session).summary.session.status.rawValue == "cancelled")
    }

    @Test func theBoardWorkbookDownloadsForAnyYear() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            #expect(Browser.text(try await browser.get("/officer/reports")).contains("/officer/reports/board?year="))
            let response = try await browser.get("/officer/reports/board?year=2015-16")
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"board-2015-16.xlsx\"; filename*=UTF-8''board-2015-16.xlsx")
            #expect(response.body.getBytes(at: 0, length: 2) == Array("PK".utf8))
            let agency = try await browser.get("/officer/reports/agency?agency=Calderdale+NHS&year=2015-16")
            #expect(agency.headers[.contentDisposition] == "attachment; filename=\"agency-calderdale-nhs-2015-16.xlsx\"; filename*=UTF-8''agency-calderdale-nhs-2015-16.xlsx")
            let refused = try await browser.get("/officer/reports/board?year=nonsense")
            #expect(refused.status == .badRequest)
        }
    }

    @Test func aSubjectAccessRequestDownloadsAsJSONAndAnUnknownEmailIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let response = try await browser.post("/officer/people/subject-access", [("email", "sam@nhs.example"), ("format", "json")])
            #expect(response.headers[.contentType] == "application/json")
            let text = Browser.text(response)
            #expect(text.contains("\"Name\" : \"Sam Patel\""))
            #expect(!text.contains("Jo Bloggs"))
            let refused = try await browser.post("/officer/people/subject-access", [("email", "nobody@nhs.example"), ("format", "json")])
            #expect(refused.status == .unprocessableContent)
            #expect(Browser.text(refused).contains("no learner has the email nobody@nhs.example"))
        }
    }

    @Test func erasureNeedsAReasonAndAConfirmationAndThenAnonymises() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/people")
            let refused = try await browser.post("/officer/people/erase", [("email", "sam@nhs.example")])
            #expect(refused.status == .unprocessableContent)
            #expect(Browser.text(refused).contains(##"<a href="#erase-confirm">"##))
            #expect(try await browser.post("/officer/people/erase", [("email", "sam@nhs.example"), ("reason", "DP-7"), ("confirm", "yes")]).status == .seeOther)
        }
        #expect(try fixture.database.learners(agencyName: "Calderdale NHS").map(\.learner.name) == ["Anonymised learner #1", "Jo Bloggs"])
        #expect(try fixture.database.auditLog(limit: 1).first?.actor == "web:officer@partnership.example")
    }

    @Test func theAuditLogShowsWhoDidWhat() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer/audit"))
            #expect(page.contains("signed in"))
            #expect(page.contains("session scheduled"))
        }
    }
}

@Suite("A board member")
struct BoardTests {
    @Test func theYearsSummaryIsAPageWithTheWorkbookToDownload() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("board@partnership.example")
            let page = Browser.text(try await browser.get("/board?year=2015-16"))
            #expect(page.contains("<h1>Training in 2015-16</h1>"))
            #expect(page.contains("<th scope=\"row\">Courses held</th>"))
            let workbook = try await browser.get("/board/workbook?year=2015-16")
            #expect(workbook.headers[.contentDisposition] == "attachment; filename=\"board-2015-16.xlsx\"; filename*=UTF-8''board-2015-16.xlsx")
        }
    }
}

@Suite("A learner's evaluation link")
struct LearnerLinkTests {
    /// Sam attends the session, `daysLater` pass, and the officer issues the links then due: returns the
    /// token of Sam's link of `kind`.
    func attended(thenInvitedAfter daysLater: Int = 0, to kind: InvitationKind = .evaluation) throws -> (WebFixture, String) {
        let clock = WebClock(Date())
        let fixture = try WebFixture(now: clock.function)
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
        // To the end of the session, whatever the hour the test runs at (30 days and 4 hours from a run before
        // 05:30 did not reach its 09:30 start).
        clock.advance(by: fixture.sessionStart.timeIntervalSince(clock.function()) + 3.5 * 3600)
        try fixture.database.mark(session: fixture.session, present: ["sam@nhs.example"], by: "officer")
        try fixture.database.deliverSession(fixture.session, by: "officer")
        clock.advance(by: Double(daysLater) * 86_400)
        let link = try #require(try fixture.database.issueDueInvitations(by: "officer").first { $0.kind == kind })
        return (fixture, String(link.link.split(separator: "/").last!))
    }


    @Test func theLearnerAnswersWithoutSigningInAndTheLinkThenStopsWorking() async throws {
        let (fixture, token) = try attended()
        try await fixture.withBrowser { browser in
            let form = Browser.text(try await browser.get("/evaluate/\(token)"))
            #expect(form.contains("Your evaluation of Introduction to Safeguarding"))
            let response = try await browser.post("/evaluate/\(token)", [("satisfaction", "5"), ("knowledge", "a-lot"), ("best_part", "The case studies")])
            #expect(Browser.text(response).contains("<h1>Thank you</h1>"))
            let again = try await browser.get("/evaluate/\(token)")
            #expect(again.status == .gone)
            #expect(Browser.text(again).contains("This link has already been used"))
        }
        #expect(try fixture.database.impact(period: FinancialYear(containing: LondonTime.date(of: fixture.sessionStart))).overall.figures.responses == 1)
    }

    @Test func aMissingAnswerIsShownAgainstItsQuestion() async throws {
        let (fixture, token) = try attended()
        try await fixture.withBrowser { browser in
            try await browser.get("/evaluate/\(token)")
            let response = try await browser.post("/evaluate/\(token)", [("knowledge", "a-lot")])
            #expect(response.status == .unprocessableContent)
            #expect(Browser.text(response).contains(##"<a href="#satisfaction-1">Choose how satisfied you were, from 1 to 5</a>"##))
        }
    }

    @Test func theFollowUpIsAnsweredFromItsOwnLink() async throws {
        let (fixture, token) = try attended(thenInvitedAfter: 91, to: .followUp)
        try await fixture.withBrowser { browser in
            #expect(Browser.text(try await browser.get("/follow-up/\(token)")).contains("What has changed since Introduction to Safeguarding"))
            let response = try await browser.post("/follow-up/\(token)", [("used", "partly"), ("example", "Earlier referral"), ("difference", "4")])
            #expect(Browser.text(response).contains("<h1>Thank you</h1>"))
        }
    }

    @Test func anUnknownLinkSaysNothingAboutAnyone() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            let response = try await browser.get("/evaluate/not-a-real-token")
            #expect(response.status == .notFound)
            #expect(Browser.text(response).contains("This link is not valid"))
        }
    }
}
