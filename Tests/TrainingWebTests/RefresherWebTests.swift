import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// `WebFixture` on Monday 3 November 2025, with Introduction to Safeguarding refreshed every 36 months and
/// this history: Sam (NHS) attended it on 20 October 2022 (overdue since 20 October 2025), Jo (NHS) on
/// 1 June 2023 (up to date), Kim (council) on 15 December 2022 (due on 15 December 2025). The fixture's
/// session, on 3 December 2025, is open.
/// `nurses` more of the NHS's staff ("Nurse 01 Hall" ...) attended it on the afternoon of 20 October 2022.
func refresherFixture(nurses: Int = 0) throws -> WebFixture {
    let fixture = try WebFixture(now: { try! LondonTime.parse("2025-11-03 09:00") })
    try fixture.database.importCatalogue([CatalogueEntry(definition: CourseDefinition(
        title: "Introduction to Safeguarding", level: .foundation, delivery: .faceToFace, duration: CourseDuration(minutes: 180)!,
        capacity: 20, minimumNumbers: 0, refresherMonths: 36), file: "test", line: 1)], by: "setup")
    var history = HistoryImport()
    history.sessions = [("H1", "2022-10-20"), ("H2", "2022-12-15"), ("H3", "2023-06-01")].enumerated().map { line, session in
        SessionHistoryRow(line: line + 2, reference: session.0, courseTitle: "Introduction to Safeguarding", level: .foundation,
                          delivery: .faceToFace, start: try! LondonTime.parse("\(session.1) 09:30"), end: nil, venue: "Halifax", capacity: 20,
                          status: .delivered, cancelReason: nil)
    }
    let places = [("H1", "sam@nhs.example", "Sam Patel", "Calderdale NHS"), ("H3", "jo@nhs.example", "Jo Bloggs", "Calderdale NHS"),
                  ("H2", "kim@council.example", "Kim Lee", "Calderdale Council")]
        + (0..<nurses).map { ("H4", String(format: "nurse%02d@nhs.example", $0 + 1), String(format: "Nurse %02d Hall", $0 + 1), "Calderdale NHS") }
    history.bookings = HistoryRows(places.enumerated().map { line, place in
        BookingHistoryRow(line: line + 2, sessionReference: place.0,
                          person: HistoryPerson(email: try! EmailAddress(place.1), name: place.2, agencyName: place.3, sector: nil),
                          bookedOn: try! LondonTime.parse("2022-09-01 09:00"), status: .attended, cancelledOn: nil)
    })
    if nurses > 0 {
        history.sessions.append(SessionHistoryRow(line: 5, reference: "H4", courseTitle: "Introduction to Safeguarding", level: .foundation,
                                                  delivery: .faceToFace, start: try LondonTime.parse("2022-10-20 13:30"), end: nil, venue: "Halifax",
                                                  capacity: nurses, status: .delivered, cancelReason: nil))
    }
    try fixture.database.importHistory(history, by: "setup")
    return fixture
}

@Suite("Due for refresher, on the web")
struct RefresherWebTests {
    /// Sam Patel's id, which the booking form takes.
    func sam(_ fixture: WebFixture) throws -> Int64 {
        try #require(try fixture.database.learners(agencyName: "Calderdale NHS").first { $0.learner.name == "Sam Patel" }?.learner.id)
    }

    @Test func theBookerSeesTheirStaffDueWithAButtonToBookOnEachOpenSession() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let page = Browser.text(try await browser.get("/agency/refreshers"))
            #expect(page.contains(#"<li><a href="/agency/refreshers" aria-current="page">Due for refresher</a></li>"#))
            #expect(page.contains("<td>Sam Patel</td><td>Introduction to Safeguarding</td><td>Thu 20 Oct 2022</td><td>Mon 20 Oct 2025<br><strong>Overdue</strong></td>"))
            #expect(page.contains(#"<form method="post" action="/agency/sessions/\#(fixture.session)/book" class="inline-form">"#))
            #expect(page.contains(#"<input type="hidden" name="learner" value="\#(try sam(fixture))">"#))
            #expect(!page.contains("Jo Bloggs"))   // up to date
        }
    }

    @Test func anotherAgencysStaffNeverShow() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@council.example")
            let page = Browser.text(try await browser.get("/agency/refreshers"))
            #expect(page.contains("Kim Lee") && page.contains("Due within 90 days"))
            #expect(!page.contains("Sam Patel") && !page.contains("sam@nhs.example"))
        }
    }

    @Test func theButtonBooksThroughTheSessionsBookingFormAndThePlaceIsShown() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            try await browser.get("/agency/refreshers")
            let booked = try await browser.post("/agency/sessions/\(fixture.session)/book", [("learner", String(try sam(fixture)))])
            #expect(booked.status == .seeOther)
            let bookings = try fixture.database.agencyBookings(agencyId: fixture.database.agency(named: "Calderdale NHS").id!)
            #expect(bookings.filter { $0.sessionId == fixture.session }.map { "\($0.learnerName): \($0.status)" } == ["Sam Patel: confirmed"])
            let page = Browser.text(try await browser.get("/agency/refreshers"))
            #expect(page.contains("Booked on Wed 3 Dec 2025, 09:30 to 12:30"))
            #expect(!page.contains(#"name="learner" value="\#(try sam(fixture))""#))
        }
    }

    @Test func theBookerDownloadsTheirAgencysComplianceWorkbook() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            let response = try await browser.get("/agency/refreshers/workbook")
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]
                    == "attachment; filename=\"compliance-calderdale-nhs-2025-11-03.xlsx\"; filename*=UTF-8''compliance-calderdale-nhs-2025-11-03.xlsx")
        }
    }

    @Test func theOfficerSeesHowManyOfEachAgencysStaffAreDueAndOneAgencysStaffDue() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let every = Browser.text(try await browser.get("/officer/refreshers"))
            // The council: Kim due in December; the NHS: Sam overdue, Jo up to date.
            #expect(every.contains(#"<td><a href="/officer/refreshers?agency=Calderdale%20Council">Calderdale Council</a></td><td class="number">2</td><td class="number">1</td><td class="number">0</td>"#))
            #expect(every.contains(#"<td><a href="/officer/refreshers?agency=Calderdale%20NHS">Calderdale NHS</a></td><td class="number">2</td><td class="number">0</td><td class="number">1</td>"#))
            #expect(!every.contains("Sam Patel"))
            #expect(every.contains(#"<a href="/officer/refreshers/workbook">Download the workbook</a>"#))
            let council = Browser.text(try await browser.get("/officer/refreshers?agency=Calderdale%20Council"))
            #expect(council.contains("Kim Lee") && !council.contains("Sam Patel"))
            #expect(council.contains(#"<a href="/officer/refreshers/workbook?agency=Calderdale%20Council">Download the workbook</a>"#))
            #expect(try await browser.get("/officer/refreshers?agency=Nobody").status == .notFound)
        }
    }

    @Test func theOfficerDownloadsOneAgencysWorkbookOrEveryAgencys() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let every = try await browser.get("/officer/refreshers/workbook")
            #expect(every.headers[.contentDisposition]?.contains("compliance-every-agency-2025-11-03.xlsx") == true)
            let council = try await browser.get("/officer/refreshers/workbook?agency=Calderdale%20Council")
            #expect(council.headers[.contentDisposition]?.contains("compliance-calderdale-council-2025-11-03.xlsx") == true)
        }
    }

    @Test func aBookerCannotReachTheOfficersRefreshers() async throws {
        let fixture = try refresherFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            #expect(try await browser.get("/officer/refreshers").status == .notFound)
            #expect(try await browser.get("/officer/refreshers/workbook").status == .notFound)
        }
    }

    @Test func aLongListOfStaffDueIsPagedForTheBookerAndTheOfficer() async throws {
        let fixture = try refresherFixture(nurses: 30)
        try await fixture.withBrowser { browser in
            try await browser.signIn("booker@nhs.example")
            // Sam and the 30 nurses, all due on 20 October 2025, by name: the nurses, then Sam.
            let first = Browser.text(try await browser.get("/agency/refreshers"))
            #expect(first.contains("Showing 1–25 of 31") && first.contains(#"<a href="/agency/refreshers?page=2" rel="next">"#))
            #expect(first.contains("Nurse 25 Hall") && !first.contains("Nurse 26 Hall") && !first.contains("Sam Patel"))
            let second = Browser.text(try await browser.get("/agency/refreshers?page=2"))
            #expect(second.contains("Showing 26–31 of 31") && second.contains("Nurse 26 Hall") && second.contains("Sam Patel"))
            #expect(!second.contains("Nurse 25 Hall"))
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let first = Browser.text(try await browser.get("/officer/refreshers?agency=Calderdale%20NHS"))
            #expect(first.contains(#"<a href="/officer/refreshers?agency=Calderdale%20NHS&amp;page=2" rel="next">"#))
            let second = Browser.text(try await browser.get("/officer/refreshers?agency=Calderdale%20NHS&page=2"))
            #expect(second.contains("Showing 26–31 of 31") && second.contains("Sam Patel"))
        }
    }
}
