import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("An agency's booker")
struct BookerTests {
    @Test func theProgrammeShowsOpenSessionsWithPlacesLeftAndFilters() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get("/agency"))
            #expect(page.contains("Introduction to Safeguarding"))
            #expect(page.contains(#"<td class="number">20</td>"#))
            let filtered = Browser.text(try await browser.get("/agency?level=advanced"))
            #expect(filtered.contains("No sessions match"))
            // A browser sends a space in a GET form as "+".
            let byCourse = Browser.text(try await browser.get("/agency?level=&course=Introduction+to+Safeguarding&month="))
            #expect(byCourse.contains("/agency/sessions/\(fixture.session)"))
        }
    }

    @Test func bookingTwoStaffConfirmsBothInOneGo() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/sessions/\(fixture.session)")
            let response = try await browser.post("/agency/sessions/\(fixture.session)/book",
                                                  [("learner", try fixture.id("sam@nhs.example")), ("learner", try fixture.id("jo@nhs.example"))])
            #expect(response.status == .seeOther)
            let page = Browser.text(try await browser.get("/agency/bookings"))
            #expect(page.contains("Sam Patel: place confirmed; Jo Bloggs: place confirmed."))
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).map(\.status.rawValue) == ["confirmed", "confirmed"])
    }

    @Test func eachMemberOfStaffToBookIsNamedWithTheirJobRoleWhenTheyHaveOne() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/staff")
            try await browser.post("/agency/staff", [("name", "Nia Nurse"), ("email", "nia@nhs.example"), ("role", "Health visitor")])
            let page = Browser.text(try await browser.get("/agency/sessions/\(fixture.session)"))
            let nia = try fixture.id("nia@nhs.example"), sam = try fixture.id("sam@nhs.example")
            #expect(page.contains(#"<label for="pick-\#(nia)">Nia Nurse, Health visitor <span class="hint">nia@nhs.example</span></label>"#))
            #expect(page.contains(#"<label for="pick-\#(sam)">Sam Patel <span class="hint">sam@nhs.example</span></label>"#))
        }
    }

    @Test func bookingNobodyIsRefusedWithAMessageOnTheField() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let response = try await browser.post("/agency/sessions/\(fixture.session)/book", [])
            #expect(response.status == .unprocessableContent)
            // Nobody is picked, so the summary's link goes to the search for staff, which the message describes.
            let page = Browser.text(response)
            #expect(page.contains(##"<a href="#q">Select at least one member of staff to book</a>"##))
            #expect(page.contains(#"id="q" name="q" value="" autocomplete="off" spellcheck="false" aria-describedby="learners-error">"#))
        }
    }

    @Test func anotherAgencysStaffCannotBeBookedAndNothingIsBooked() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let response = try await browser.post("/agency/sessions/\(fixture.session)/book",
                                                  [("learner", try fixture.id("sam@nhs.example")), ("learner", try fixture.id("kim@council.example"))])
            #expect(response.status == .notFound)
        }
        #expect(try fixture.database.agencyBookings(agencyId: 1).isEmpty)
        #expect(try fixture.database.agencyBookings(agencyId: 2).isEmpty)
    }

    @Test func cancellingLateShowsTheChargeFirstAndRaisesIt() async throws {
        let fixture = try WebFixture()
        // Seven days ahead: at most five working days' notice, under the policy's ten.
        let soon = LondonTime.startOfDay(LondonTime.date(of: Date()).adding(days: 7)).addingTimeInterval(9.5 * 3600)
        let session = try fixture.database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: soon,
                                                                       end: soon.addingTimeInterval(3 * 3600)), by: "setup").id!
        let booking = try fixture.database.book(session: session, learnerEmail: "sam@nhs.example", by: "booker").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let confirm = Browser.text(try await browser.get("/agency/bookings/\(booking)/cancel"))
            #expect(confirm.contains("A late cancellation charge of <strong>£25.00</strong> will be raised on Calderdale NHS."))
            #expect(try fixture.database.charges(agencyName: "Calderdale NHS").isEmpty)     // only shown so far
            try await browser.post("/agency/bookings/\(booking)/cancel", [("reason", "")])
            let page = Browser.text(try await browser.get("/agency/bookings/\(booking)"))
            #expect(page.contains("A charge of £25.00 was raised."))
        }
        #expect(try fixture.database.charges(agencyName: "Calderdale NHS").map(\.charge.amountPence) == [2500])
    }

    @Test func cancellingWithPlentyOfNoticeSaysNoChargeApplies() async throws {
        let fixture = try WebFixture()
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get("/agency/bookings/\(booking)/cancel"))
            #expect(page.contains(#"<p id="charge">No charge applies.</p>"#))
            // Nor a warning of a late-cancellation charge of nothing beside it.
            #expect(!page.contains("A late cancellation charge") && page.components(separatedBy: #"id="charge""#).count == 2)
        }
    }

    @Test func aSubstituteTakesThePlace() async throws {
        let fixture = try WebFixture()
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/bookings/\(booking)")
            #expect(try await browser.post("/agency/bookings/\(booking)/substitute", [("learner", "jo@nhs.example")]).status == .seeOther)
        }
        #expect(try fixture.database.agencyBooking(booking, agencyId: 1)?.learnerName == "Jo Bloggs")
    }

    @Test func anotherAgencysRecordsArePageNotFound() async throws {
        let fixture = try WebFixture()
        let theirs = try fixture.database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "council").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            for path in ["/agency/bookings/\(theirs)", "/agency/bookings/\(theirs)/cancel", "/agency/bookings/\(theirs)/calendar.ics",
                         "/agency/invoices/1", "/agency/bookings/999999"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
            #expect(try await browser.post("/agency/bookings/\(theirs)/cancel", []).status == .notFound)
            #expect(try await browser.post("/agency/bookings/\(theirs)/substitute", [("learner", "sam@nhs.example")]).status == .notFound)
            // The session page shows only this agency's places.
            #expect(!Browser.text(try await browser.get("/agency/sessions/\(fixture.session)")).contains("Kim Lee"))
        }
        #expect(try fixture.database.agencyBooking(theirs, agencyId: 2)?.status.rawValue == "confirmed")
    }

    @Test func anotherAgencysLearnerCannotBeASubstitute() async throws {
        let fixture = try WebFixture()
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            #expect(try await browser.post("/agency/bookings/\(booking)/substitute", [("learner", "kim@council.example")]).status == .notFound)
        }
        #expect(try fixture.database.agencyBooking(booking, agencyId: 1)?.learnerName == "Sam Patel")
    }

    @Test func theChargesPageListsOnlyThisAgencysCharges() async throws {
        let fixture = try WebFixture()
        let soon = LondonTime.startOfDay(LondonTime.date(of: Date()).adding(days: 7)).addingTimeInterval(9.5 * 3600)
        let session = try fixture.database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: soon,
                                                                       end: soon.addingTimeInterval(3 * 3600)), by: "setup").id!
        for email in ["sam@nhs.example", "kim@council.example"] {
            let booking = try fixture.database.book(session: session, learnerEmail: email, by: "booker").booking.id!
            try fixture.database.cancelBooking(booking, by: "booker")
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get("/agency/charges"))
            #expect(page.contains("Sam Patel"))
            #expect(!page.contains("Kim Lee"))
            #expect(page.contains("Payable: <strong>£25.00</strong>"))
        }
    }

    @Test func aMemberOfStaffIsAddedAndADuplicateEmailRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/staff")
            #expect(try await browser.post("/agency/staff", [("name", "Nia Nurse"), ("email", "nia@nhs.example"), ("role", "Health visitor")]).status == .seeOther)
            let refused = try await browser.post("/agency/staff", [("name", "Sam Again"), ("email", "sam@nhs.example")])
            #expect(refused.status == .unprocessableContent)
            #expect(Browser.text(refused).contains("Sam Patel is already on your staff list with this email address"))
        }
        #expect(try fixture.database.learners(agencyName: "Calderdale NHS").map(\.learner.name) == ["Jo Bloggs", "Nia Nurse", "Sam Patel"])
    }

    @Test func anAddressOfAnotherAgencysStaffIsRefusedWithoutAWordAboutThemAndTheOfficerIsTold() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/staff")
            let refused = try await browser.post("/agency/staff", [("name", "Someone Else"), ("email", "KIM@council.example")])
            #expect(refused.status == .unprocessableContent)
            let page = Browser.text(refused)
            #expect(page.contains("This email address cannot be added to your staff list. The partnership&#39;s training officer has been told")
                    || page.contains("This email address cannot be added to your staff list. The partnership's training officer has been told"))
            // Nothing of the other agency's member of staff: not her name, not her agency.
            #expect(!page.contains("Kim Lee"))
            #expect(!page.contains("Calderdale Council"))
        }
        #expect(try fixture.database.learners(agencyName: "Calderdale NHS").map(\.learner.name) == ["Jo Bloggs", "Sam Patel"])
        let told = try fixture.database.notifications()
        #expect(told.map(\.recipient) == ["officer"])
        #expect(told.map(\.kind.rawValue) == ["staff-email-clash"])
        #expect(told.first?.message == "web:booker@nhs.example of Calderdale NHS tried to add a member of staff with the email address of learner #3 of Calderdale Council; nothing was changed.")
    }

    @Test func aBookingsCalendarEventDownloads() async throws {
        let fixture = try WebFixture()
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker").booking.id!
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let response = try await browser.get("/agency/bookings/\(booking)/calendar.ics")
            #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(Browser.text(response).hasPrefix("BEGIN:VCALENDAR"))
        }
    }

    @Test func theAgencyWorkbookDownloadsForAYear() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let year = FinancialYear(containing: LondonTime.date(of: Date()))
            let response = try await browser.get("/agency/report?year=\(year)")
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"agency-calderdale-nhs-\(year).xlsx\"; filename*=UTF-8''agency-calderdale-nhs-\(year).xlsx")
            #expect(response.body.readableBytes > 1000)
        }
    }
}
