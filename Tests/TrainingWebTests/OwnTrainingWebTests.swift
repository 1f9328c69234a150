import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// Sam Patel's training, on the web fixture with a clock the test moves: imported history (Working
/// Together attended on 10 March 2022, three hours; the e-learning module, refreshed every 12 months,
/// completed on 2 May 2023, an hour),
/// a session two days ahead that Sam attends and which is delivered (so its evaluation is due), a place on
/// the fixture's session (confirmed), and a place on a full session behind Jo (waiting, number 1). The clock
/// stands after the delivered session; each learner's link is issued as `training learner link` does.
struct OwnTrainingFixture {
    let fixture: WebFixture
    let clock: WebClock
    let full: Int64
    var database: AppDatabase { fixture.database }

    init() throws {
        clock = WebClock(Date())
        fixture = try WebFixture.mailing(now: clock.function)
        let database = fixture.database
        var module = CourseDefinition(title: "Awareness of Domestic Abuse", level: .foundation, delivery: .eLearning,
                                      duration: CourseDuration(minutes: 60)!, capacity: 1, minimumNumbers: 0)
        module.refresherMonths = 12
        try database.importCatalogue([CatalogueEntry(definition: module, file: "test", line: 2)], by: "setup")
        try database.importHistory(Self.history(), by: "setup")
        let soon = LondonTime.startOfDay(LondonTime.date(of: clock.function()).adding(days: 2)).addingTimeInterval(9.5 * 3600)
        let attended = try #require(try database.scheduleSession(SessionPlan(
            courseTitle: "Introduction to Safeguarding", start: soon, end: soon.addingTimeInterval(3 * 3600), venue: "Brighouse Library"),
            by: "setup").id)
        try database.book(session: attended, learnerEmail: "sam@nhs.example", by: "setup")
        try database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup")
        let later = fixture.sessionStart.addingTimeInterval(-10 * 86_400)
        full = try #require(try database.scheduleSession(SessionPlan(
            courseTitle: "Introduction to Safeguarding", start: later, end: later.addingTimeInterval(3 * 3600), venue: "Todmorden Library",
            capacity: 1), by: "setup").id)
        try database.book(session: full, learnerEmails: ["jo@nhs.example", "sam@nhs.example"], by: "setup")
        clock.advance(by: soon.timeIntervalSince(clock.function()) + 4 * 3600)
        try database.mark(session: attended, present: ["sam@nhs.example"], by: "setup")
        try database.deliverSession(attended, by: "setup")
    }

    static func history() -> HistoryImport {
        let sam = HistoryPerson(email: try! EmailAddress("sam@nhs.example"), name: "Sam Patel", agencyName: "Calderdale NHS", sector: nil)
        var history = HistoryImport()
        let start = try! LondonTime.parse("2022-03-10 09:30")
        history.sessions = [SessionHistoryRow(line: 2, reference: "OLD-1", courseTitle: "Working Together", level: .intermediate,
                                              delivery: .faceToFace, start: start, end: start.addingTimeInterval(3 * 3600), venue: "Halifax",
                                              capacity: 20, status: .delivered, cancelReason: nil)]
        history.bookings = [BookingHistoryRow(line: 2, sessionReference: "OLD-1", person: sam, bookedOn: start.addingTimeInterval(-30 * 86_400),
                                              status: .attended, cancelledOn: nil)]
        let completed = try! LocalDate.parse("2023-05-02")
        history.eLearning = [ELearningHistoryRow(line: 2, person: sam, module: "Awareness of Domestic Abuse", allocatedOn: completed.adding(days: -3),
                                                 startedOn: completed.adding(days: -3), completedOn: completed)]
        return history
    }

    /// A fresh link to the learner's page, as `training learner link` prints it: its token.
    func token(_ email: String) throws -> String {
        String(try #require(try database.issueLearnerLink(email: email, by: "officer").link.split(separator: "/").last))
    }
}

@Suite("A learner's own page, My training, from their link")
struct OwnTrainingWebTests {
    @Test func theLinkShowsEachSectionOfTheLearnersOwnTraining() async throws {
        let own = try OwnTrainingFixture()
        let sam = try own.token("sam@nhs.example")
        let samsPlaces = try own.database.agencyBookings(agencyId: 1).filter { $0.learnerName == "Sam Patel" }
        let confirmed = try #require(samsPlaces.first { $0.status == .confirmed }?.id)
        let waiting = try #require(samsPlaces.first { $0.status == .waitlisted }?.id)
        try await own.fixture.withBrowser { browser in
            let page = try await browser.get("/my/\(sam)")
            #expect(page.status == .ok)
            let text = Browser.text(page)
            #expect(text.contains("<h1>Your training</h1>"))
            #expect(text.contains("<p>Sam Patel, this is your training: your places, what you have done and what is waiting for you.</p>"))
            // Places: the confirmed one and the waiting one, each with its calendar event and its cancellation.
            #expect(text.contains("<td>Confirmed</td>"))
            #expect(text.contains("<td>On the waiting list: number 1</td>"))
            #expect(text.contains("<td>Todmorden Library</td>"))
            for booking in [confirmed, waiting] {
                #expect(text.contains(#"<a href="/my/\#(sam)/places/\#(booking)/calendar.ics">Add to calendar"#))
                #expect(text.contains(#"<a href="/my/\#(sam)/places/\#(booking)/cancel">Cancel"#))
            }
            // Requests: none, and the agency books for its staff.
            #expect(text.contains("You have not asked for any places: the person who books training for your agency books your places."))
            #expect(!text.contains("Ask for a place on a session"))
            // The record: the session attended, the imported session and the imported module, latest first, with the total.
            let record = try #require(text.components(separatedBy: #"<h2 id="record">"#).last?.components(separatedBy: #"<h2 id="certificates">"#).first)
            #expect(record.contains("<td>Introduction to Safeguarding</td><td>Foundation</td><td>Session</td><td>3 hours</td>"))
            #expect(record.contains("<td>Tue 2 May 2023</td><td>Awareness of Domestic Abuse</td><td>Foundation</td><td>E-learning</td><td>1 hour</td>"))
            #expect(record.contains("<td>Thu 10 Mar 2022</td><td>Working Together</td><td>Intermediate</td><td>Session</td><td>3 hours</td>"))
            #expect(record.contains(#"<th scope="row" colspan="4">Total</th><td>7 hours</td>"#))
            let order = ["Introduction to Safeguarding", "Awareness of Domestic Abuse", "Working Together"].compactMap { record.range(of: $0)?.lowerBound }
            #expect(order.count == 3 && order == order.sorted())
            // Certificates, one for each thing done, and all of them at once.
            #expect(text.contains(#"<li>Working Together, Thu 10 Mar 2022: <a href="/my/\#(sam)/certificates/session/"#))
            #expect(text.contains(#"<li>Awareness of Domestic Abuse, Tue 2 May 2023: <a href="/my/\#(sam)/certificates/module/"#))
            #expect(text.components(separatedBy: " (PDF)</a></li>").count == 4)
            #expect(text.contains(#"<a href="/my/\#(sam)/certificates/all">All your certificates in one PDF</a>"#))
            // The evaluation still to answer.
            #expect(text.contains("<li>Evaluation of Introduction to Safeguarding, "))
            #expect(text.contains(#"<form method="post" action="/my/\#(sam)/evaluations/"#))
            // When the module is due again: a year after it was done, long past.
            #expect(text.contains("<tr><td>Awareness of Domestic Abuse</td><td>Tue 2 May 2023</td><td>Thu 2 May 2024</td><td>Overdue: ask for a place or ask your booker</td></tr>"))
            #expect(!text.contains("<tr><td>Working Together</td><td>Thu 10 Mar 2022</td>"))
            // Nobody else.
            for other in ["Jo Bloggs", "Kim Lee", "Ann Carer", "Calderdale"] { #expect(!text.contains(other), "shows \(other)") }
        }
    }

    @Test func anotherLearnersLinkShowsNothingOfThisOne() async throws {
        let own = try OwnTrainingFixture()
        let sam = try own.token("sam@nhs.example"), jo = try own.token("jo@nhs.example")
        let samsPlace = try #require(try own.database.agencyBookings(agencyId: 1).first { $0.learnerName == "Sam Patel" && $0.status == .confirmed }?.id)
        try await own.fixture.withBrowser { browser in
            let page = Browser.text(try await browser.get("/my/\(jo)"))
            #expect(page.contains("<p>Jo Bloggs, this is your training"))
            #expect(page.contains("<td>Confirmed</td>"))
            for shown in ["Sam Patel", "Working Together", "Awareness of Domestic Abuse", "Brighouse Library", "waiting list", sam] {
                #expect(!page.contains(shown), "Jo's page shows \(shown)")
            }
            #expect(page.contains("You have no places") == false)
            // Sam's place and evaluation through Jo's link: not found, naming nothing.
            for path in ["/my/\(jo)/places/\(samsPlace)/cancel", "/my/\(jo)/places/\(samsPlace)/calendar.ics"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(!Browser.text(response).contains("Sam Patel") && !Browser.text(response).contains("Introduction"))
            }
            try await browser.get("/login")   // the visitor's form token
            #expect(try await browser.post("/my/\(jo)/places/\(samsPlace)/cancel", []).status == .notFound)
            let evaluation = try #require(Browser.text(try await browser.get("/my/\(sam)")).firstMatch(of: #/evaluations\/(\d+)/#)?.1)
            #expect(try await browser.post("/my/\(jo)/evaluations/\(evaluation)", []).status == .notFound)
        }
        #expect(try own.database.agencyBookings(agencyId: 1).first { $0.id == samsPlace }?.status == .confirmed)
    }

    @Test func anUnknownOrExpiredLinkGetsOnePlainPage() async throws {
        let own = try OwnTrainingFixture()
        let sam = try own.token("sam@nhs.example")
        try await own.fixture.withBrowser { browser in
            let unknown = try await browser.get("/my/\(sam)x")
            #expect(unknown.status == .notFound)
            #expect(Browser.text(unknown).contains("This link is not valid"))
            own.clock.advance(by: Double(LearnerLinkRules.validDays) * 86_400 + 60)
            let expired = try await browser.get("/my/\(sam)")
            #expect(expired.status == .gone)
            let text = Browser.text(expired)
            #expect(text.contains("This link no longer works: links to your training page last 90 days. Ask for a new one on the sign-in page"))
            for shown in ["Sam Patel", "Introduction", "Working Together"] { #expect(!text.contains(shown)) }
        }
    }

    @Test func theLearnerDownloadsAPlacesEventCancelsAnotherAndAnswersTheirEvaluation() async throws {
        let own = try OwnTrainingFixture()
        let sam = try own.token("sam@nhs.example")
        let waiting = try #require(try own.database.agencyBookings(agencyId: 1).first { $0.learnerName == "Sam Patel" && $0.status == .waitlisted }?.id)
        try await own.fixture.withBrowser { browser in
            let event = try await browser.get("/my/\(sam)/places/\(waiting)/calendar.ics")
            #expect(event.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(Browser.text(event).contains("UID:booking-\(waiting)@training.lscp"))
            #expect(Browser.text(event).contains("SUMMARY:Introduction to Safeguarding"))

            let confirm = Browser.text(try await browser.get("/my/\(sam)/places/\(waiting)/cancel"))
            #expect(confirm.contains("This is a place on the waiting list: cancelling it is free."))
            #expect(confirm.contains(#"<form method="post" action="/my/\#(sam)/places/\#(waiting)/cancel" novalidate>"#))
            let done = Browser.text(try await browser.post("/my/\(sam)/places/\(waiting)/cancel", [("reason", "On leave")]))
            #expect(done.contains("Your place is cancelled"))
            #expect(done.contains(#"<a href="/my/\#(sam)">Back to your training</a>"#))
            let page = Browser.text(try await browser.get("/my/\(sam)"))
            #expect(!page.contains("On the waiting list"))

            let invitation = try #require(page.firstMatch(of: #/evaluations\/(\d+)/#)?.1)
            let answer = try await browser.post("/my/\(sam)/evaluations/\(invitation)", [])
            #expect(answer.status == .seeOther)
            let form = try #require(answer.headers[.location])
            #expect(form.hasPrefix("/evaluate/"))
            #expect(Browser.text(try await browser.get(form)).contains("Your evaluation of Introduction to Safeguarding"))
        }
        let audit = try own.database.auditLog(limit: 50)
        #expect(audit.first { $0.action == .bookingCancelled }?.actor == "learner (own link)")
    }

    @Test func theLearnerDownloadsTheirCertificatesAndNotAnotherLearners() async throws {
        let own = try OwnTrainingFixture()
        let sam = try own.token("sam@nhs.example"), jo = try own.token("jo@nhs.example")
        try await own.fixture.withBrowser { browser in
            let page = Browser.text(try await browser.get("/my/\(sam)"))
            let paths = page.matches(of: #/href="(/my/[^"]+/certificates/(?:session|module)/\d+)"/#).map { String($0.1) }
            #expect(paths.count == 3)
            for path in paths {
                let pdf = try await browser.get(path)
                #expect(pdf.status == .ok)
                #expect(pdf.headers[.contentType] == "application/pdf")
                #expect(String(buffer: pdf.body).hasPrefix("%PDF-"))
                // Through Jo's link: not found, and nothing issued for Jo.
                let other = try await browser.get(path.replacingOccurrences(of: sam, with: jo))
                #expect(other.status == .notFound)
                #expect(!Browser.text(other).contains("Sam Patel"))
            }
            let all = try await browser.get("/my/\(sam)/certificates/all")
            #expect(all.headers[.contentType] == "application/pdf")
            #expect(try await browser.get("/my/\(sam)x/certificates/all").status == .notFound)
        }
        let issued = try own.database.auditLog(limit: 100).filter { $0.action == .certificateIssued }
        #expect(issued.count == 3 && issued.allSatisfy { $0.actor == "learner (own link)" })
    }

    @Test func aPlaceLinkOpensTheSamePageWithItsPlaceFirst() async throws {
        let own = try OwnTrainingFixture()
        let tokens = try own.fixture.deliver()
        let place = try #require(tokens["sam@nhs.example"])
        try await own.fixture.withBrowser { browser in
            let text = Browser.text(try await browser.get("/my/\(place)"))
            #expect(text.contains("<p>Sam Patel, this is your place.</p>"))
            #expect(text.contains(#"<h2 id="places">Your other places</h2>"#))
            #expect(text.contains("Working Together"))
            #expect(text.contains(#"<a href="/my/\#(place)/cancel" class="button warning">Cancel this place</a>"#))
        }
    }
}

@Suite("Send me my link, on the sign-in page")
struct SendMyLinkTests {
    func ask(_ browser: Browser, _ email: String) async throws -> TestResponse {
        try await browser.get("/login")
        return try await browser.post("/my-link", [("linkEmail", email)])
    }

    @Test func theAnswerIsTheSameForAKnownAndAnUnknownAddressAndOnlyALearnerIsSentALink() async throws {
        let fixture = try WebFixture.mailing()
        try await fixture.withBrowser { browser in
            let signIn = Browser.text(try await browser.get("/login"))
            #expect(signIn.contains(#"<form method="post" action="/my-link" novalidate>"#))
            let known = try await ask(browser, "Sam@NHS.example")
            let unknown = try await ask(browser, "nobody@nhs.example")
            #expect(known.status == .ok && unknown.status == .ok)
            #expect(Browser.text(known) == Browser.text(unknown))
            #expect(Browser.text(known).contains("If the address you gave is one we hold for a learner, we have sent a link to their training page to it."))
            let blank = try await browser.post("/my-link", [("linkEmail", "")])
            #expect(blank.status == .unprocessableContent)
            #expect(Browser.text(blank).contains("Enter your work email address"))
        }
        let owed = try fixture.database.messages(MessageFilter(kind: .learnerLink))
        #expect(owed.map(\.recipientAddress) == ["sam@nhs.example"])
        // The link is made when the message is sent, and opens Sam's page.
        let prepared = try #require(try fixture.database.messagesDue(limit: 10).first { $0.message.kind == .learnerLink })
        let link = try #require(prepared.facts.ownPageLink)
        #expect(try fixture.database.ownTraining(token: String(link.split(separator: "/").last ?? "")).learnerName == "Sam Patel")
        #expect(prepared.message.facts?.ownPageLink == nil)
    }

    @Test func anAddressIsSentAFewLinksAndThenWaitsWhetherOrNotItIsKnown() async throws {
        let fixture = try WebFixture.mailing()
        let now = Date()   // the throttle's clock stands still, so its waits are exact however slowly the test runs
        try await fixture.withClient(WebConfiguration(clock: { now }, trustProxy: true)) { client in
            for (index, email) in ["sam@nhs.example", "nobody@nhs.example"].enumerated() {
                let browser = Browser(client: client, address: "192.0.2.\(index + 1)")
                for _ in 1...3 { #expect(try await ask(browser, email).status == .ok) }
                let refused = try await ask(browser, email)
                #expect(refused.status == .tooManyRequests)
                #expect(refused.headers[.retryAfter] == "300")
                #expect(Browser.text(refused).contains("You have asked for a link several times. Try again in 5 minutes"))
                // Another client asking for the same address waits too.
                #expect(try await ask(Browser(client: client, address: "198.51.100.\(index + 1)"), email).status == .tooManyRequests)
            }
        }
        #expect(try fixture.database.messages(MessageFilter(kind: .learnerLink)).count == 3)
    }

    @Test func aClientAskingForManyAddressesIsSlowed() async throws {
        let fixture = try WebFixture.mailing()
        let now = Date()   // the throttle's clock stands still, so its waits are exact however slowly the test runs
        try await fixture.withClient(WebConfiguration(clock: { now }, trustProxy: true)) { client in
            let browser = Browser(client: client, address: "203.0.113.9")
            for number in 1...10 { #expect(try await ask(browser, "person\(number)@nhs.example").status == .ok) }
            let refused = try await ask(browser, "sam@nhs.example")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(try await ask(Browser(client: client, address: "203.0.113.10"), "sam@nhs.example").status == .ok)
        }
    }
}
