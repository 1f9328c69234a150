import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// Issue 22: the officer's learners, every agency's or one's, searched and paged like a booker's staff, and a
/// learner added with a team.
@Suite("The officer's learners")
struct OfficerLearnersTests {
    @Test func everyAgencysLearnersAreListedAndNarrowedToOneAgencyOrASearch() async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(30)
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let all = Browser.text(try await browser.get("/officer/learners"))
            #expect(all.contains("<caption>35 learners</caption>") && all.contains("Showing 1–25 of 35"))
            #expect(all.contains(#"<a href="/officer/learners?page=2" rel="next">"#))
            let council = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+Council"))
            #expect(council.contains("<caption>2 learners</caption>") && council.contains("Kim Lee") && !council.contains("Sam Patel"))
            #expect(council.contains(#"<option value="Calderdale Council" selected>"#))
            let found = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+NHS&q=maternity"))
            #expect(found.contains("<caption>1 learner matching “maternity”</caption>"))
            #expect(found.contains("<tr><td>Zara Quint</td><td>zq@nhs.example</td><td><a href=\"/officer/learners?agency=Calderdale%20NHS\">Calderdale NHS</a></td><td>Midwife</td><td>Maternity</td></tr>"))
            let second = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+NHS&page=2"))
            #expect(second.contains("Showing 26–33 of 33"))
            #expect(second.contains(#"<a href="/officer/learners?agency=Calderdale%20NHS" rel="prev">"#))
            #expect(try await browser.get("/officer/learners?agency=Nowhere").status == .notFound)
        }
    }

    @Test func aLearnerIsAddedWithATeamAndRefusalsAreShownOnTheirFields() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/learners")
            let added = try await browser.post("/officer/learners", [("name", "Nia Nurse"), ("email", "nia@nhs.example"), ("agency", "Calderdale NHS"),
                                                                    ("role", "Health visitor"), ("team", "Children in care")])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/officer/learners?agency=Calderdale%20NHS")
            let page = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+NHS"))
            #expect(page.contains("Nia Nurse is a learner of Calderdale NHS."))
            #expect(page.contains("<td>Health visitor</td><td>Children in care</td>"))
            let empty = try await browser.post("/officer/learners", [])
            #expect(empty.status == .unprocessableContent)
            for link in [##"<a href="#name">"##, ##"<a href="#email">"##, ##"<a href="#agency">Choose the person&#39;s agency</a>"##] {
                #expect(Browser.text(empty).contains(link))
            }
            let taken = try await browser.post("/officer/learners", [("name", "Sam Again"), ("email", "SAM@nhs.example"), ("agency", "Calderdale NHS")])
            #expect(Browser.text(taken).contains(##"<a href="#email">the email SAM@nhs.example is already taken by Sam Patel</a>"##))
            let unknown = try await browser.post("/officer/learners", [("name", "Ola"), ("email", "ola@x.example"), ("agency", "Nowhere")])
            #expect(unknown.status == .unprocessableContent && Browser.text(unknown).contains(##"<a href="#agency">"##))
        }
        #expect(try fixture.database.learners(agencyName: "Calderdale NHS").contains { $0.learner.team == "Children in care" })
    }

    @Test func aBookerCannotReachTheOfficersLearners() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            #expect(try await browser.get("/officer/learners").status == .notFound)
        }
    }

    @Test func theOfficerLetsAnAgencysStaffAskForPlacesAndStopsThemAgain() async throws {
        let fixture = try WebFixture()
        let nhs = try #require(try fixture.database.agency(named: "Calderdale NHS").id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let before = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+NHS"))
            #expect(before.contains("Calderdale NHS's staff cannot ask for places from their own page"))
            #expect(before.contains(#"<input type="hidden" name="takes" value="on">"#))
            #expect(try await browser.post("/officer/learners/requests", [("agency", "Calderdale NHS"), ("takes", "on")]).status == .seeOther)
            #expect(try fixture.database.agencyTakesRequests(agencyId: nhs))
            let after = Browser.text(try await browser.get("/officer/learners?agency=Calderdale+NHS"))
            #expect(after.contains("Calderdale NHS's staff can ask for a place on an open session from their own page"))
            #expect(after.contains("Stop requests from Calderdale NHS's staff"))
            #expect(try await browser.post("/officer/learners/requests", [("agency", "Calderdale NHS"), ("takes", "off")]).status == .seeOther)
            #expect(try !fixture.database.agencyTakesRequests(agencyId: nhs))
            // Every agency's list has no agency's setting on it.
            #expect(!Browser.text(try await browser.get("/officer/learners")).contains("Requests for places"))
        }
        #expect(try fixture.database.auditLog(limit: 2).map(\.action) == [.placeRequestsStopped, .placeRequestsAllowed])
    }

    @Test func theRequestsSettingRefusesAnAgencyNotHeldOrAnAnswerThatIsNeitherOnNorOff() async throws {
        let fixture = try WebFixture()
        let council = try #require(try fixture.database.agency(named: "Calderdale Council").id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/learners")
            #expect(try await browser.post("/officer/learners/requests", [("agency", "Nowhere"), ("takes", "on")]).status == .notFound)
            #expect(try await browser.post("/officer/learners/requests", [("agency", "Calderdale Council"), ("takes", "yes")]).status == .badRequest)
        }
        #expect(try !fixture.database.agencyTakesRequests(agencyId: council))
    }

    @Test func aBookerCannotTurnRequestsOn() async throws {
        let fixture = try WebFixture()
        let nhs = try #require(try fixture.database.agency(named: "Calderdale NHS").id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency")
            #expect(try await browser.post("/officer/learners/requests", [("agency", "Calderdale NHS"), ("takes", "on")]).status == .notFound)
        }
        #expect(try !fixture.database.agencyTakesRequests(agencyId: nhs))
    }
}
