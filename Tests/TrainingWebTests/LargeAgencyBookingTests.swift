import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

extension WebFixture {
    /// The id of the learner with this email, as a form or an address carries it.
    func id(_ email: String) throws -> String {
        String(try database.learnerId(email: email))
    }

    /// Gives Calderdale NHS `count` more staff in one import — "Nurse 01 Hall" ... with job roles and teams in
    /// turn — and Zara Quint, the only midwife, of the maternity team.
    func addStaff(_ count: Int) throws {
        let staff = try (1...count).map { number in
            let name = String(format: "Nurse %02d Hall", number)
            return LocatedLearner(details: try LearnerDetails(name: name, email: EmailAddress(String(format: "nurse%02d@nhs.example", number)),
                                                              agencyName: "Calderdale NHS", jobRole: number % 2 == 0 ? "Staff nurse" : "Health visitor",
                                                              team: number % 3 == 0 ? "Ward 7" : "Community"),
                                  location: InputLocation(file: "staff.csv", line: number + 1))
        } + [LocatedLearner(details: try LearnerDetails(name: "Zara Quint", email: EmailAddress("zq@nhs.example"), agencyName: "Calderdale NHS",
                                                        jobRole: "Midwife", team: "Maternity"),
                            location: InputLocation(file: "staff.csv", line: count + 2))]
        try database.importLearners(staff, updatingExisting: false, by: "setup")
    }
}

/// Issue 22, booking for a large agency: the booker finds staff by searching (name, email, job role or team)
/// and picking from a page of matches, keeps the picked list across searches, and books it in one go; every
/// long list is paged, whatever the page number in the address.
@Suite("Booking for a large agency")
struct LargeAgencyBookingTests {
    func sessionPage(_ fixture: WebFixture, _ query: String = "") -> String {
        "/agency/sessions/\(fixture.session)" + (query.isEmpty ? "" : "?" + query)
    }

    @Test("a search finds staff by each of name, email, job role and team, ignoring case, and only the agency's",
          arguments: ["zara", "ZQ@NHS", "midwife", "Maternity", "quint maternity"])
    func aSearchMatchesEachField(search: String) async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(30)
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get(sessionPage(fixture, "q=" + Browser.encode(search))))
            let zara = try fixture.id("zq@nhs.example")
            #expect(page.contains(#"<label for="pick-\#(zara)">Zara Quint, Midwife, Maternity <span class="hint">zq@nhs.example</span></label>"#))
            #expect(page.contains("1 person."))
            #expect(!page.contains("Nurse 01 Hall") && !page.contains("Sam Patel"))
        }
    }

    @Test func anotherAgencysStaffAreNeverFound() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get(sessionPage(fixture, "q=kim")))
            #expect(page.contains("No staff match “kim”."))
            #expect(!page.contains("Kim Lee"))
            let staff = Browser.text(try await browser.get("/agency/staff?q=council"))
            #expect(staff.contains("No staff match “council”."))
        }
    }

    @Test func aSearchsOwnWildcardsAreSearchedForAsThemselves() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            for search in ["%", "_", "\\"] {
                let page = Browser.text(try await browser.get(sessionPage(fixture, "q=" + Browser.encode(search))))
                #expect(page.contains("No staff match"), "\(search)")
            }
        }
    }

    @Test func thePickedListIsKeptAcrossSearchesAndPages() async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(60)
        let sam = try fixture.id("sam@nhs.example"), zara = try fixture.id("zq@nhs.example")
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            // Sam picked from one search, Zara added from another: the "Add to the list" form sends both.
            let first = Browser.text(try await browser.get(sessionPage(fixture, "q=sam&page=1&picked=\(sam)")))
            #expect(first.contains(#"<input type="checkbox" id="learner-\#(sam)" name="learner" value="\#(sam)" checked>"#))
            #expect(first.contains("Sam Patel <strong class=\"tag\">Picked</strong>"))
            let both = Browser.text(try await browser.get(sessionPage(fixture, "picked=\(sam)&q=midwife&page=1&picked=\(zara)")))
            for id in [sam, zara] {
                #expect(both.contains(#"id="learner-\#(id)" name="learner" value="\#(id)" checked>"#))
            }
            // A new search carries both in hidden fields, and the matches' next page carries them in its link.
            let again = Browser.text(try await browser.get(sessionPage(fixture, "picked=\(sam)&picked=\(zara)&q=hall")))
            #expect(again.components(separatedBy: #"<input type="hidden" name="picked" value="\#(sam)">"#).count == 3)
            #expect(again.components(separatedBy: #"<input type="hidden" name="picked" value="\#(zara)">"#).count == 3)
            #expect(again.contains("Showing 1–25 of 60"))
            let next = "/agency/sessions/\(fixture.session)?q=hall&amp;picked=\(sam)&amp;picked=\(zara)&amp;page=2"
            #expect(again.contains(#"<a href="\#(next)" rel="next">"#))
            let second = Browser.text(try await browser.get(next.replacingOccurrences(of: "&amp;", with: "&")))
            #expect(second.contains("Showing 26–50 of 60"))
            #expect(second.contains(#"id="learner-\#(zara)" name="learner" value="\#(zara)" checked>"#))
        }
    }

    @Test func thePickedListIsBookedInOneGo() async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(30)
        let ids = try ["zq@nhs.example", "nurse07@nhs.example", "sam@nhs.example"].map(fixture.id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get(sessionPage(fixture, ids.map { "picked=\($0)" }.joined(separator: "&")))
            let response = try await browser.post("/agency/sessions/\(fixture.session)/book", ids.map { ("learner", $0) })
            #expect(response.status == .seeOther)
            let page = Browser.text(try await browser.get("/agency/bookings"))
            #expect(page.contains("Zara Quint: place confirmed; Nurse 07 Hall: place confirmed; Sam Patel: place confirmed."))
            // Booked now, they show as having a place, not to pick again.
            let after = Browser.text(try await browser.get(sessionPage(fixture, "q=zara&picked=\(ids[0])")))
            #expect(after.contains("Zara Quint, Midwife, Maternity <strong class=\"tag\">Has a place</strong>"))
            #expect(after.contains("Nobody picked yet."))
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).count == 3)
    }

    @Test func anotherAgencysLearnerInThePickedListIsNeitherShownNorBooked() async throws {
        let fixture = try WebFixture()
        let sam = try fixture.id("sam@nhs.example"), kim = try fixture.id("kim@council.example")
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get(sessionPage(fixture, "picked=\(kim)&picked=\(sam)&picked=999999&picked=abc")))
            #expect(!page.contains("Kim Lee") && !page.contains("kim@council.example"))
            #expect(!page.contains(#"value="\#(kim)""#) && !page.contains(#"value="999999""#) && !page.contains(#"value="abc""#))
            #expect(page.contains(#"id="learner-\#(sam)" name="learner" value="\#(sam)" checked>"#))
            for learners in [[sam, kim], [sam, "999999"], [sam, "abc"], [sam, sam]] {
                let response = try await browser.post("/agency/sessions/\(fixture.session)/book", learners.map { ("learner", $0) })
                #expect(response.status == .notFound, "\(learners)")
            }
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).isEmpty)
        #expect(try fixture.database.agencyBookings(agencyId: 2).isEmpty)
    }

    @Test func morePickedThanABookingTakesIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let many = (1...(StaffPicking.mostPicked + 1)).map { ("learner", String($0)) }
            #expect(try await browser.post("/agency/sessions/\(fixture.session)/book", many).status == .badRequest)
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).isEmpty)
    }

    @Test("a page number that is no page shows the first page, one beyond the end the last",
          arguments: [("", 1), ("page=2", 2), ("page=3", 3), ("page=4", 3), ("page=99999999999999999999", 1), ("page=9223372036854775807", 3),
                      ("page=0", 1), ("page=-2", 1), ("page=two", 1), ("page=%20", 1), ("page=2.5", 1)])
    func pagingBounds(query: String, shown: Int) async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(59)     // 62 staff with Sam, Jo and Zara: pages of 25, 25 and 12
        let expected = ["Showing 1–25 of 62", "Showing 26–50 of 62", "Showing 51–62 of 62"][shown - 1]
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            for path in ["/agency/staff", sessionPage(fixture)] {
                let response = try await browser.get(path + (query.isEmpty ? "" : (path.contains("?") ? "&" : "?") + query))
                #expect(response.status == .ok, "\(path) \(query)")
                let page = Browser.text(response)
                #expect(page.contains(expected), "\(path) \(query)")
                #expect(page.contains(#"rel="prev""#) == (shown > 1), "\(path) \(query)")
                #expect(page.contains(#"rel="next""#) == (shown < 3), "\(path) \(query)")
            }
        }
    }

    @Test func aListOnOnePageHasNoPagingLinks() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            for path in ["/agency/staff", "/agency/bookings", "/agency/charges", sessionPage(fixture)] {
                #expect(!Browser.text(try await browser.get(path + "?page=7&coming=3&past=2")).contains(#"class="paging""#), "\(path)")
            }
        }
    }

    @Test func theBookingsAreTwoListsEachPagedOnItsOwn() async throws {
        let clock = WebClock(Date())
        let fixture = try WebFixture(now: clock.function)
        try fixture.addStaff(30)
        let emails = (1...30).map { String(format: "nurse%02d@nhs.example", $0) }
        _ = try fixture.database.book(session: fixture.session, learnerEmails: Array(emails.prefix(20)), by: "setup")
        _ = try fixture.database.book(session: fixture.session, learnerEmails: Array(emails.suffix(10)), by: "setup")
        let start = fixture.sessionStart.addingTimeInterval(-7 * 86_400)
        let earlier = try fixture.database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: start,
                                                                       end: start.addingTimeInterval(3 * 3600)), by: "setup").id!
        _ = try fixture.database.book(session: earlier, learnerEmails: Array(emails.prefix(27)), by: "setup")
        clock.advance(by: 24 * 86_400)     // the earlier session has started: 27 past bookings, 30 coming up
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let first = Browser.text(try await browser.get("/agency/bookings"))
            #expect(first.contains("Showing 1–25 of 30") && first.contains("Showing 1–25 of 27"))
            #expect(first.contains(#"<a href="/agency/bookings?coming=2" rel="next">"#))
            #expect(first.contains(#"<a href="/agency/bookings?past=2" rel="next">"#))
            let both = Browser.text(try await browser.get("/agency/bookings?coming=2&past=2"))
            #expect(both.contains("Showing 26–30 of 30") && both.contains("Showing 26–27 of 27"))
            #expect(both.contains(#"<a href="/agency/bookings?past=2" rel="prev">"#))      // page 1 of coming up, past kept at 2
            #expect(both.contains(#"<a href="/agency/bookings?coming=2" rel="prev">"#))
        }
    }

    @Test func theStaffListIsSearchedAndAMemberOfStaffAddedWithATeam() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/staff")
            let added = try await browser.post("/agency/staff", [("name", "Nia Nurse"), ("email", "nia@nhs.example"), ("role", "Health visitor"),
                                                                 ("team", "Children in care")])
            #expect(added.status == .seeOther)
            let page = Browser.text(try await browser.get("/agency/staff?q=care"))
            #expect(page.contains("<tr><td>Nia Nurse</td><td>nia@nhs.example</td><td>Health visitor</td><td>Children in care</td></tr>"))
            #expect(!page.contains("Sam Patel"))
            let long = try await browser.post("/agency/staff", [("name", "Ola Long"), ("email", "ola@nhs.example"),
                                                                ("team", String(repeating: "t", count: 201))])
            #expect(long.status == .unprocessableContent)
            #expect(Browser.text(long).contains(##"<a href="#team">the team is 201 characters long; the most kept is 200</a>"##))
        }
        #expect(try fixture.database.learners(agencyName: "Calderdale NHS").first { $0.learner.name == "Nia Nurse" }?.learner.team == "Children in care")
    }

    @Test func theChargesArePagedWithWhatIsPayableInAll() async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(30)
        let soon = LondonTime.startOfDay(LondonTime.date(of: Date()).adding(days: 7)).addingTimeInterval(9.5 * 3600)
        let session = try fixture.database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: soon,
                                                                       end: soon.addingTimeInterval(3 * 3600), capacity: 40), by: "setup").id!
        for number in 1...27 {
            let booking = try fixture.database.book(session: session, learnerEmail: String(format: "nurse%02d@nhs.example", number), by: "booker")
            try fixture.database.cancelBooking(booking.booking.id!, by: "booker")
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let first = Browser.text(try await browser.get("/agency/charges"))
            #expect(first.contains("Payable: <strong>£675.00</strong>"))      // 27 × £25.00, not the page's 25
            #expect(first.contains("Showing 1–25 of 27"))
            let second = Browser.text(try await browser.get("/agency/charges?page=2"))
            #expect(second.contains("Payable: <strong>£675.00</strong>") && second.contains("Showing 26–27 of 27"))
        }
    }

    @Test func aSubstituteIsFoundBySearchingAndChosenFromThePageOfMatches() async throws {
        let fixture = try WebFixture()
        try fixture.addStaff(30)
        let booking = try #require(try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id)
        try fixture.database.book(session: fixture.session, learnerEmail: "nurse03@nhs.example", by: "booker")
        let zara = try fixture.id("zq@nhs.example")
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            // 33 staff: Jo, the 30 nurses, Sam and Zara, by name, 25 to a page.
            let first = Browser.text(try await browser.get("/agency/bookings/\(booking)"))
            #expect(first.contains("33 people.") && first.contains("Showing 1–25 of 33"))
            #expect(first.contains(#"<a href="/agency/bookings/\#(booking)?page=2" rel="next">"#))
            #expect(!first.contains("<select"))
            let second = Browser.text(try await browser.get("/agency/bookings/\(booking)?page=2"))
            #expect(second.contains("Showing 26–33 of 33") && second.contains("Sam Patel <strong class=\"tag\">Holds this place</strong>"))
            let found = Browser.text(try await browser.get("/agency/bookings/\(booking)?q=maternity"))
            #expect(found.contains("1 person."))
            #expect(found.contains(#"<input type="radio" id="substitute-\#(zara)" name="learner" value="zq@nhs.example"><label for="substitute-\#(zara)">Zara Quint, Midwife, Maternity"#))
            let placed = Browser.text(try await browser.get("/agency/bookings/\(booking)?q=nurse03"))
            #expect(placed.contains("Nurse 03 Hall, Health visitor, Ward 7 <strong class=\"tag\">Has a place</strong>"))
            #expect(!placed.contains(#"type="radio""#))
            #expect(try await browser.post("/agency/bookings/\(booking)/substitute", [("learner", "zq@nhs.example")]).status == .seeOther)
        }
        #expect(try fixture.database.agencyBooking(booking, agencyId: 1)?.learnerName == "Zara Quint")
    }

    @Test func choosingNoSubstituteSaysSoBesideTheMatches() async throws {
        let fixture = try WebFixture()
        let booking = try #require(try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id)
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/bookings/\(booking)")
            let page = Browser.text(try await browser.post("/agency/bookings/\(booking)/substitute", []))
            // The summary links to the first choice, Jo, the first by name who does not hold the place.
            #expect(page.contains(##"<a href="#substitute-\##(try fixture.id("jo@nhs.example"))">Select who takes the place</a>"##))
            #expect(page.contains(#"<fieldset id="learner" aria-describedby="learner-hint learner-error">"#))
            #expect(page.contains("Jo Bloggs"))
        }
        #expect(try fixture.database.agencyBooking(booking, agencyId: 1)?.learnerName == "Sam Patel")
    }
}
