import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// Issue 19: the officer's start page shows what needs attention, each line linking to where it is dealt with.
@Suite("The officer's start page")
struct OfficerStartPageTests {
    /// The text of one section of the page: from its heading to the next.
    func section(_ id: AttentionSection, of page: String) throws -> String {
        let start = try #require(page.range(of: #"<h2 id="\#(id.rawValue)">"#), "no section \(id.rawValue)")
        let rest = page[start.lowerBound...]
        let end = rest.dropFirst(4).range(of: "<h2 ")?.lowerBound ?? rest.range(of: "</main>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func theOfficerStartsOnItAndEachEmptySectionSaysNothingNeedsAttention() async throws {
        let fixture = try WebFixture()   // one session in 30 days, nobody booked, its course needing nobody
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            #expect(try await browser.get("/").headers[.location] == "/officer")
            let page = Browser.text(try await browser.get("/officer"))
            #expect(page.contains("<h1>Needs attention</h1>"))
            #expect(page.contains(#"<a href="/officer" aria-current="page">Needs attention</a>"#))
            #expect(page.contains(#"<a href="/officer/sessions">Sessions</a>"#))          // in the menu, not current
            #expect(page.contains(#"<a href="/officer/sessions">See every session</a>"#))
            for kind in AttentionSection.allCases {
                let text = try section(kind, of: page)
                #expect(text.contains(">\(kind.heading)</h2>"))
                #expect(text.contains("<p>Nothing needs attention.</p>"), "\(kind.rawValue)")
                #expect(!text.contains("<table>"))
            }
            // Another page of the menu is the current one there, not the start page.
            let sessions = Browser.text(try await browser.get("/officer/sessions"))
            #expect(sessions.contains(#"<a href="/officer/sessions" aria-current="page">Sessions</a>"#))
            #expect(sessions.contains(#"<a href="/officer">Needs attention</a>"#))
        }
    }

    @Test func eachSectionListsItsCaseWithALinkToWhereItIsDealtWith() async throws {
        let clock = WebClock(try LondonTime.parse("2025-09-01 09:00"))
        let fixture = try WebFixture(now: clock.function)   // its session, 1 October 2025, is never delivered
        let database = fixture.database
        func schedule(_ day: String, capacity: Int? = nil, minimum: Int = 0, agencyCap: Int? = nil) throws -> Int64 {
            let start = try LondonTime.parse("\(day) 09:30")
            return try #require(try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: start,
                                                                         end: start.addingTimeInterval(3 * 3600), capacity: capacity,
                                                                         minimumNumbers: minimum, perAgencyCap: agencyCap), by: "setup").id)
        }
        func advance(to london: String) throws { clock.advance(by: try LondonTime.parse(london).timeIntervalSince(clock.function())) }

        // Kim missed a session on 15 September: a charge of the last quarter, 2025-26-Q2.
        let missed = try schedule("2025-09-15")
        try database.book(session: missed, learnerEmail: "kim@council.example", by: "setup")
        try advance(to: "2025-09-15 13:00")
        try database.mark(session: missed, absent: ["kim@council.example"], by: "setup")
        try database.deliverSession(missed, by: "setup")
        // A pool whose contract ends on 31 December, 58 days after 3 November.
        try database.buyLicences(count: 10, from: LocalDate.parse("2025-04-01"), to: LocalDate.parse("2025-12-31"), supplier: "Virtual College",
                                 note: nil, by: "setup")
        // Three attended on 20 October and one answered.
        let answered = try schedule("2025-10-20")
        try database.book(session: answered, learnerEmails: ["sam@nhs.example", "jo@nhs.example", "ann@council.example"], by: "setup")
        try advance(to: "2025-10-20 13:00")
        try database.mark(session: answered, present: ["sam@nhs.example", "jo@nhs.example", "ann@council.example"], by: "setup")
        try database.deliverSession(answered, by: "setup")
        let link = try #require(try database.issueDueInvitations(by: "setup").first).link
        try database.submitEvaluation(token: String(link.split(separator: "/").last ?? ""),
                                      answers: try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                                                 bestPart: nil, practiceChange: nil, improve: nil))
        try advance(to: "2025-10-28 09:00")
        let unmarked = try schedule("2025-10-31")
        try database.book(session: unmarked, learnerEmail: "sam@nhs.example", by: "setup")
        let waiting = try schedule("2025-12-01", capacity: 2, agencyCap: 1)
        try database.book(session: waiting, learnerEmails: ["sam@nhs.example", "jo@nhs.example"], by: "setup")
        let few = try schedule("2025-11-10", minimum: 3)
        try database.book(session: few, learnerEmail: "kim@council.example", by: "setup")
        try advance(to: "2025-11-03 09:00")

        try await fixture.withBrowser(sessionClock: clock.function) { browser in
            try await browser.signIn("officer@partnership.example")
            let page = Browser.text(try await browser.get("/officer"))
            #expect(page.contains("Today is Mon 3 Nov 2025."))
            #expect(!page.contains("Nothing needs attention."))

            let underMinimum = try section(.underMinimum, of: page)
            #expect(underMinimum.contains("from 5 working days before bookings close"))
            #expect(underMinimum.contains(#"<caption class="visually-hidden">Sessions under their minimum numbers</caption>"#))
            #expect(underMinimum.contains(#"<th scope="row"><a href="/officer/sessions/\#(few)">Introduction to Safeguarding, Mon 10 Nov 2025, 09:30 to 12:30</a></th>"#
                                          + #"<td class="number">1</td><td class="number">3</td><td>Mon 10 Nov 2025</td>"#))

            let registers = try section(.registersNotTaken, of: page)
            #expect(registers.contains(#"<a href="/officer/sessions/\#(unmarked)#register">Introduction to Safeguarding, Fri 31 Oct 2025, 09:30 to 12:30</a>"#))
            #expect(registers.contains("<td>Fri 31 Oct 2025, 12:30</td><td class=\"number\">1</td>"))

            let notDelivered = try section(.notDelivered, of: page)
            #expect(notDelivered.contains(#"<a href="/officer/sessions/\#(fixture.session)">Introduction to Safeguarding, Wed 1 Oct 2025, 09:30 to 12:30</a>"#))
            #expect(!notDelivered.contains("/officer/sessions/\(unmarked)"))

            let waitingList = try section(.waitingListWithPlaces, of: page)
            #expect(waitingList.contains(#"<a href="/officer/sessions/\#(waiting)">Introduction to Safeguarding, Mon 1 Dec 2025, 09:30 to 12:30</a></th>"#
                                         + #"<td class="number">1</td><td class="number">1</td>"#))

            let charges = try section(.chargesNotInvoiced, of: page)
            #expect(charges.contains("raised up to the end of 2025-26-Q2"))
            #expect(charges.contains(#"<a href="/officer/charges?agency=Calderdale%20Council">Calderdale Council<span class="visually-hidden">: charges</span></a></th>"#
                                     + #"<td class="number">1</td><td class="number">£50.00</td>"#))
            #expect(charges.contains(#"<a href="/officer/invoices/raise">Raise the invoices of 2025-26-Q2</a>"#))

            let pools = try section(.licencePools, of: page)
            #expect(pools.contains(#"<a href="/officer/licences">Pool 1 (Virtual College)</a></th><td>Wed 31 Dec 2025</td>"#
                                   + #"<td class="number">10 of 10</td><td>its contract ends in 58 days</td>"#))

            let responses = try section(.lowResponseRates, of: page)
            #expect(responses.contains(#"<a href="/officer/sessions/\#(answered)">Introduction to Safeguarding, Mon 20 Oct 2025, 09:30 to 12:30</a></th>"#
                                       + #"<td class="number">3</td><td class="number">1</td><td class="number">33%</td>"#))
            #expect(responses.contains(#"<a href="/officer/evaluations">Response rates by course</a>"#))

            // Every link of the page goes to a page the officer can open.
            for href in Set(page.matches(of: /href="(\/officer[^"#]*)/).map { String($0.1) }) {
                let target = href.replacingOccurrences(of: "&amp;", with: "&")
                #expect(try await browser.get(target).status == .ok, "\(target)")
            }
        }
    }
}
