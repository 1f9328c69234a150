import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("Signing in and the site's defences")
struct SignInAndSecurityTests {
    @Test func aBookerSignsInAndLandsOnTheProgramme() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            #expect(try await browser.signIn("booker@nhs.example"))
            let page = Browser.text(try await browser.get("/agency"))
            #expect(page.contains("<h1>Training programme</h1>"))
            #expect(page.contains("Pat Booker (booker@nhs.example)"))
        }
    }

    /// The layout's name of the partnership is read with the request (`LayoutMiddleware`), or by the error
    /// page in a reading of its own, and changes with the setting while the site is serving.
    @Test func everyKindOfPageNamesThePartnershipAsItIsNow() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            #expect(Browser.text(try await browser.get("/login")).contains("Local Safeguarding Children Partnership training</a>"))
            try fixture.database.setSetting("partnership-name", to: "Calderdale Safeguarding Partnership", by: "officer")
            let named = "Calderdale Safeguarding Partnership training</a>"
            #expect(Browser.text(try await browser.get("/login")).contains(named))
            #expect(try await browser.signIn("booker@nhs.example"))
            #expect(Browser.text(try await browser.get("/agency")).contains(named))
            let missing = try await browser.get("/agency/bookings/999")
            #expect(missing.status == .notFound)
            #expect(Browser.text(missing).contains(named))
        }
    }

    @Test func aWrongPasswordIsRefusedWithAnErrorSummaryLinkedToTheField() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.get("/login")
            let response = try await browser.post("/login", [("email", "booker@nhs.example"), ("password", "wrong password here")])
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains("<title>Error: Sign in"))
            #expect(page.contains(##"<a href="#email">The email address or password is not right"##))
            #expect(try await browser.get("/agency").status == .seeOther)
        }
    }

    @Test func signingInGivesANewSessionCookieThatIsHttpOnlyAndSameSiteLax() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.get("/login")
            #expect(browser.cookie == nil)          // a visitor has no session until signing in
            try await browser.get("/login")
            let response = try await browser.post("/login", [("email", "booker@nhs.example"), ("password", WebFixture.password)])
            let cookieLine = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("training_session=") })
            #expect(cookieLine.contains("HttpOnly"))
            #expect(cookieLine.contains("SameSite=Lax"))
            #expect(!cookieLine.contains("Secure"))
            #expect(browser.cookie != nil)
        }
    }

    @Test func aFormWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let response = try await browser.post("/agency/sessions/\(fixture.session)/book", [("learner", "sam@nhs.example")], csrf: .some(nil))
            #expect(response.status == .forbidden)
            let forged = try await browser.post("/agency/sessions/\(fixture.session)/book", [("learner", "sam@nhs.example")], csrf: "forged")
            #expect(forged.status == .forbidden)
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).isEmpty)
    }

    @Test func everyPageCarriesTheSecurityHeaders() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            for path in ["/login", "/agency", "/static/app.css", "/no-such-page"] {
                let response = try await browser.get(path)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src") == false, "\(path): no script is allowed at all")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
            }
        }
    }

    @Test func aSessionIdleForLongerThanTheTimeOutIsEnded() async throws {
        let fixture = try WebFixture()
        let clock = WebClock(Date())
        try await fixture.withBrowser(sessionClock: clock.function) { browser in
            #expect(try await browser.signIn("booker@nhs.example"))
            clock.advance(by: 29 * 60)
            #expect(try await browser.get("/agency").status == .ok)        // still within 30 minutes of the last request
            clock.advance(by: 31 * 60)
            let response = try await browser.get("/agency")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login?expired=1")
        }
    }

    /// Issue 22: the header names the person signed in, by name and email, and not their agency, which a
    /// booker's own pages name already (a booker called after the agency read it twice).
    @Test func theHeaderNamesTheSignedInPersonByNameAndEmail() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get("/agency/staff"))
            #expect(page.contains(#"<span class="signed-in">Pat Booker (booker@nhs.example)</span>"#))
            #expect(page.components(separatedBy: "Calderdale NHS").count == 3)     // the title and the heading only
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer"))
            #expect(page.contains(#"<span class="signed-in">Lee Officer (officer@partnership.example)</span>"#))
        }
    }

    @Test func theSignInPageShowsANoticeOnlyWhenThereIsOne() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            let plain = Browser.text(try await browser.get("/login"))
            let expired = Browser.text(try await browser.get("/login?expired=1"))
            let signedOut = Browser.text(try await browser.get("/login?signedout=1"))
            #expect(!plain.contains(#"<div class="notice""#))
            #expect(expired.contains(#"<div class="notice" role="status"><p>You were signed out after 30 minutes without activity.</p></div>"#))
            #expect(signedOut.contains(#"<div class="notice" role="status"><p>You have signed out.</p></div>"#))
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            #expect(try await browser.post("/logout", []).headers[.location] == "/login?signedout=1")
            #expect(try await browser.get("/agency").status == .seeOther)
        }
    }

    @Test func signInsAndFailuresAreAudited() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example", password: "wrong password!!")
            try await browser.signIn("booker@nhs.example")
        }
        let actions = try fixture.database.auditLog(limit: 2).map(\.action)
        #expect(actions == [.signedIn, .signInFailed])
    }
}

@Suite("Each role sees only its part")
struct RoleTests {
    @Test(arguments: ["/officer/sessions", "/officer/reports", "/officer/audit", "/officer/people", "/board"])
    func aBookerAskingForAnotherRolesPageGetsPageNotFound(path: String) async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            #expect(try await browser.get(path).status == .notFound)
        }
    }

    @Test(arguments: ["/officer/sessions", "/agency", "/agency/bookings"])
    func theBoardCannotReachTheOfficersOrABookersPages(path: String) async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("board@partnership.example")
            #expect(try await browser.get(path).status == .notFound)
        }
    }

    @Test func theBoardCannotChangeAnything() async throws {
        let fixture = try WebFixture()
        let before = try fixture.database.auditLog(limit: 1000).count
        try await fixture.withBrowser { browser in
            try await browser.signIn("board@partnership.example")
            for (path, fields) in [("/agency/sessions/\(fixture.session)/book", [("learner", "sam@nhs.example")]),
                                   ("/officer/sessions/\(fixture.session)/cancel", [("reason", "trainer")]),
                                   ("/officer/people/erase", [("email", "sam@nhs.example"), ("reason", "x"), ("confirm", "yes")])] {
                #expect(try await browser.post(path, fields).status == .notFound, "\(path)")
            }
        }
        // Only the board member's own sign-in was recorded.
        #expect(try fixture.database.auditLog(limit: 1000).count == before + 1)
    }

    @Test func withoutSigningInEveryPrivatePageSendsToTheSignInPage() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            for path in ["/", "/agency", "/officer/sessions", "/board"] {
                let response = try await browser.get(path)
                #expect(response.status == .seeOther, "\(path)")
                #expect(response.headers[.location] == "/login", "\(path)")
            }
        }
    }
}
