import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// The officer's catalogue, licence, charge, invoice and evaluation pages, through the router.
@Suite("Officer programme pages")
struct OfficerProgrammeTests {
    static let officer = "officer@partnership.example"
    static let actor = "web:officer@partnership.example"
    static let module = "FGM Awareness"

    /// Checks that the latest audit entry is `action`, recorded with the officer's name.
    func expectAudited(_ fixture: WebFixture, _ action: AuditAction, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let audit = try #require(try fixture.database.auditLog(limit: 1).first, sourceLocation: sourceLocation)
        #expect(audit.action == action && audit.actor == Self.actor, sourceLocation: sourceLocation)
    }

    func addModule(_ fixture: WebFixture) throws {
        try fixture.database.importCatalogue([CatalogueEntry(definition: CourseDefinition(
            title: Self.module, level: .foundation, delivery: .eLearning, duration: CourseDuration(minutes: 60)!, capacity: 1, minimumNumbers: 0),
            file: "test", line: 1)], by: "setup")
        let today = LondonTime.date(of: Date())
        try fixture.database.buyLicences(count: 10, from: today.adding(days: -1), to: today.adding(days: 365), supplier: "Virtual College",
                                         note: nil, by: "setup")
    }

    /// A fixture where Sam, booked on the session, was cancelled the day before it: a late-cancellation
    /// charge on Calderdale NHS. The clock is then put back, so that signing in works as usual.
    func chargedFixture() throws -> (WebFixture, Charge) {
        let clock = ProgrammeTestClock()
        let fixture = try WebFixture(now: clock.function)
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup").booking
        clock.now = fixture.sessionStart.addingTimeInterval(-24 * 3600)
        defer { clock.now = Date() }
        return (fixture, try #require(try fixture.database.cancelBooking(booking.id!, by: "setup").charge))
    }

    /// Runs `body` signed in as the officer, on the page at `path` when one is given: the page must render,
    /// and the browser then holds its form token, as a person filling the form in would.
    func asOfficer(_ fixture: WebFixture, on path: String? = nil, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await fixture.withBrowser { browser in
            try await browser.signIn(Self.officer)
            if let path { #expect(try await browser.get(path).status == .ok, "\(path) did not render") }
            try await body(browser)
        }
    }

    // MARK: Catalogue

    @Test func theCatalogueListsCoursesByLevel() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture) { browser in
            let page = Browser.text(try await browser.get("/officer/courses"))
            #expect(page.contains("<h2>Foundation</h2>"))
            #expect(page.contains("Introduction to Safeguarding"))
            #expect(page.contains("No Advanced courses."))
        }
    }

    @Test func addingACourseSavesItAndIsAudited() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture, on: "/officer/courses/new") { browser in
            let response = try await browser.post("/officer/courses", [
                ("title", "Neglect"), ("level", "intermediate"), ("delivery", "virtual"), ("duration", "150"), ("capacity", "16"),
                ("minimum", "6"), ("summary", "Recognising neglect."),
            ])
            #expect(response.status == .seeOther)
            let added = try fixture.database.course(titled: "Neglect").definition
            #expect(added.level == .intermediate && added.delivery == .virtual && added.duration.minutes == 150)
            #expect(added.capacity == 16 && added.minimumNumbers == 6 && added.summary == "Recognising neglect.")
            try expectAudited(fixture, .courseAdded)
        }
    }

    @Test func aCourseFormWithMistakesShowsTheErrorSummaryAndSavesNothing() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture, on: "/officer/courses/new") { browser in
            let response = try await browser.post("/officer/courses", [
                ("title", ""), ("level", "intermediate"), ("delivery", "virtual"), ("duration", "150"), ("capacity", "many"), ("minimum", "0"),
            ])
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains("There is a problem"))
            #expect(page.contains(##"<a href="#title">Enter the course"##))
            #expect(page.contains(##"<a href="#capacity">Enter the number of places as a whole number, 1 or more</a>"##))
            #expect(page.contains(#"id="capacity-error""#))
            #expect(try fixture.database.courses().count == 1)
        }
    }

    @Test func addingATitleTheCatalogueHoldsIsRefused() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture, on: "/officer/courses/new") { browser in
            let response = try await browser.post("/officer/courses", [
                ("title", "introduction to safeguarding"), ("level", "advanced"), ("delivery", "virtual"), ("duration", "60"),
                ("capacity", "5"), ("minimum", "0"),
            ])
            #expect(response.status == .unprocessableContent)
            #expect(Browser.text(response).contains("the catalogue already has a course titled"))
            #expect(try fixture.database.course(titled: "Introduction to Safeguarding").definition.capacity == 20)
        }
    }

    @Test func editingACourseSavesTheChangeAndIsAudited() async throws {
        let fixture = try WebFixture()
        let id = try fixture.database.course(titled: "Introduction to Safeguarding").id
        try await asOfficer(fixture) { browser in
            let form = Browser.text(try await browser.get("/officer/courses/\(id)"))
            #expect(form.contains(#"value="20""#))
            let response = try await browser.post("/officer/courses/\(id)", [
                ("level", "foundation"), ("delivery", "face-to-face"), ("duration", "180"), ("capacity", "24"), ("minimum", "8"), ("summary", ""),
            ])
            #expect(response.status == .seeOther)
            let saved = try fixture.database.course(titled: "Introduction to Safeguarding").definition
            #expect(saved.capacity == 24 && saved.minimumNumbers == 8)
            try expectAudited(fixture, .courseUpdated)
        }
    }

    @Test func retiringAndReinstatingACourseAreAudited() async throws {
        let fixture = try WebFixture()
        let id = try fixture.database.course(titled: "Introduction to Safeguarding").id
        try await asOfficer(fixture, on: "/officer/courses/\(id)") { browser in
            #expect(try await browser.post("/officer/courses/\(id)/retire", []).status == .seeOther)
            #expect(try fixture.database.courses(includeRetired: false).isEmpty)
            try expectAudited(fixture, .courseRetired)
            #expect(Browser.text(try await browser.get("/officer/courses")).contains(#"<strong class="tag">Retired</strong>"#))
            #expect(try await browser.post("/officer/courses/\(id)/reinstate", []).status == .seeOther)
            #expect(try fixture.database.courses(includeRetired: false).count == 1)
            try expectAudited(fixture, .courseReinstated)
        }
    }

    // MARK: Licences

    @Test func theLicencesPageShowsEachPool() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try await asOfficer(fixture) { browser in
            let page = Browser.text(try await browser.get("/officer/licences"))
            #expect(page.contains("<caption>Licence pools</caption>"))
            #expect(page.contains("Virtual College"))
        }
    }

    @Test func buyingLicencesRecordsThePoolAndIsAudited() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture, on: "/officer/licences/buy") { browser in
            let response = try await browser.post("/officer/licences/buy", [
                ("count", "500"), ("from", "2026-04-01"), ("to", "2027-03-31"), ("supplier", "Virtual College"), ("note", "PO 123"),
            ])
            #expect(response.status == .seeOther)
            let pool = try #require(try fixture.database.licenceStatus().pools.first?.pool)
            #expect(pool.licenceCount == 500 && pool.supplier == "Virtual College" && pool.note == "PO 123")
            try expectAudited(fixture, .licencesBought)
        }
    }

    @Test func aContractEndingBeforeItStartsIsRefused() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture, on: "/officer/licences/buy") { browser in
            let response = try await browser.post("/officer/licences/buy", [("count", "500"), ("from", "2026-04-01"), ("to", "2026-03-31")])
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains("There is a problem") && page.contains(##"<a href="#to">"##))
            #expect(try fixture.database.licenceStatus().pools.isEmpty)
        }
    }

    @Test func allocatingGivesEachLearnerALicenceAndIsAudited() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try await asOfficer(fixture, on: "/officer/licences/allocate") { browser in
            let response = try await browser.post("/officer/licences/allocate", [
                ("module", Self.module), ("agency", ""), ("emails", "sam@nhs.example\njo@nhs.example"),
            ])
            #expect(response.status == .seeOther)
            #expect(try fixture.database.licenceStatus().total.allocated == 2)
            try expectAudited(fixture, .licenceAllocated)
        }
    }

    @Test func allocatingToAWholeAgencyTakesItsStaffList() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try await asOfficer(fixture, on: "/officer/licences/allocate") { browser in
            let response = try await browser.post("/officer/licences/allocate", [("module", Self.module), ("agency", "Calderdale Council")])
            #expect(response.status == .seeOther)
            #expect(try fixture.database.licenceStatus().total.allocated == 2)
        }
    }

    @Test func anAllocationNobodyCanHaveShowsEachRefusal() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try await asOfficer(fixture, on: "/officer/licences/allocate") { browser in
            let response = try await browser.post("/officer/licences/allocate", [("module", Self.module), ("emails", "nobody@nowhere.example")])
            #expect(response.status == .unprocessableContent)
            #expect(Browser.text(response).contains("nobody@nowhere.example: no learner has the email nobody@nowhere.example"))
            #expect(try fixture.database.licenceStatus().total.allocated == 0)
        }
    }

    @Test func anUploadedUsageFileRecordsProgressAndIsAudited() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try fixture.database.allocateLicences(module: Self.module, to: ["sam@nhs.example"], by: "setup")
        let today = LondonTime.date(of: Date())
        try await asOfficer(fixture, on: "/officer/licences/usage") { browser in
            let response = try await browser.upload("/officer/licences/usage", name: "progress.csv",
                                                    "email,module,started_on,completed_on\nsam@nhs.example,\(Self.module),\(today),\n")
            #expect(response.status == .seeOther)
            #expect(try fixture.database.licenceStatus().total.inUse == 1)
            try expectAudited(fixture, .licenceUsageRecorded)
        }
    }

    @Test func aUsageFileWithABadLineIsRefusedNamingTheLineAndChangesNothing() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try fixture.database.allocateLicences(module: Self.module, to: ["sam@nhs.example", "jo@nhs.example"], by: "setup")
        let before = try fixture.database.licenceStatus().total
        try await asOfficer(fixture, on: "/officer/licences/usage") { browser in
            let audited = try fixture.database.auditLog(limit: 1000).count
            let response = try await browser.upload("/officer/licences/usage", name: "progress.csv", """
                email,module,started_on,completed_on
                sam@nhs.example,\(Self.module),2026-01-05,
                jo@nhs.example,\(Self.module),the fifth,

                """)
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains("There is a problem") && page.contains(##"<a href="#file">progress.csv, line 3"##))
            #expect(try fixture.database.licenceStatus().total == before)
            #expect(try fixture.database.auditLog(limit: 1000).count == audited)
        }
    }

    @Test func anUploadWithoutTheFormTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try fixture.database.allocateLicences(module: Self.module, to: ["sam@nhs.example"], by: "setup")
        try await asOfficer(fixture, on: "/officer/licences/usage") { browser in
            let response = try await browser.upload("/officer/licences/usage", name: "progress.csv", csrf: "forged",
                                                    "email,module,started_on,completed_on\nsam@nhs.example,\(Self.module),2026-01-05,\n")
            #expect(response.status == .forbidden)
            #expect(try fixture.database.licenceStatus().total.inUse == 0)
        }
    }

    @Test func usageRowsMatchingNoLicenceAreListedWithTheirLine() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try await asOfficer(fixture, on: "/officer/licences/usage") { browser in
            let response = try await browser.upload("/officer/licences/usage", name: "progress.csv",
                                                    "email,module,started_on,completed_on\nkim@council.example,\(Self.module),2026-01-05,\n")
            #expect(response.status == .ok)
            let page = Browser.text(response)
            #expect(page.contains(#"<th scope="row" class="number">2</th>"#) && page.contains("no allocation: Kim Lee has no licence"))
        }
    }

    @Test func reclaimingReturnsUnstartedLicencesAndIsAudited() async throws {
        let fixture = try WebFixture()
        try addModule(fixture)
        try fixture.database.allocateLicences(module: Self.module, to: ["sam@nhs.example"], by: "setup")
        try await asOfficer(fixture, on: "/officer/licences/reclaim") { browser in
            #expect(try await browser.post("/officer/licences/reclaim", [("days", "0")]).status == .seeOther)
            #expect(try fixture.database.licenceStatus().total.reclaimed == 1)
            try expectAudited(fixture, .licenceReclaimed)
        }
    }

    // MARK: Charges and invoices

    @Test func theChargesPageListsChargesOfTheChosenAgency() async throws {
        let (fixture, charge) = try chargedFixture()
        try await asOfficer(fixture) { browser in
            let nhs = Browser.text(try await browser.get("/officer/charges?agency=Calderdale+NHS"))
            #expect(nhs.contains(#"<a href="/officer/charges/\#(charge.id!)">"#) && nhs.contains("Sam Patel"))
            let council = Browser.text(try await browser.get("/officer/charges?agency=Calderdale+Council"))
            #expect(council.contains("No charges match."))
        }
    }

    @Test func waivingAChargeWithAReasonIsAudited() async throws {
        let (fixture, charge) = try chargedFixture()
        try await asOfficer(fixture, on: "/officer/charges/\(charge.id!)") { browser in
            let response = try await browser.post("/officer/charges/\(charge.id!)/waive", [("reason", "Snow closed the roads")])
            #expect(response.status == .seeOther)
            #expect(try fixture.database.charge(id: charge.id!).charge.waiverReason == "Snow closed the roads")
            try expectAudited(fixture, .chargeWaived)
        }
    }

    @Test func aWaiverWithoutAReasonIsRefused() async throws {
        let (fixture, charge) = try chargedFixture()
        try await asOfficer(fixture, on: "/officer/charges/\(charge.id!)") { browser in
            let response = try await browser.post("/officer/charges/\(charge.id!)/waive", [("reason", " ")])
            #expect(response.status == .unprocessableContent)
            #expect(Browser.text(response).contains(##"<a href="#reason">Enter why the charge is waived</a>"##))
            #expect(try fixture.database.charge(id: charge.id!).charge.waivedAt == nil)
        }
    }

    /// A charge raised the day before the session and invoiced in its quarter (issue 17).
    func invoicedFixture() throws -> (WebFixture, Charge) {
        let clock = ProgrammeTestClock()
        let fixture = try WebFixture(now: clock.function)
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup").booking
        clock.now = fixture.sessionStart.addingTimeInterval(-24 * 3600)
        let charge = try #require(try fixture.database.cancelBooking(booking.id!, by: "setup").charge)
        try fixture.database.raiseInvoices(for: Quarter(containing: charge.raisedOn), by: "setup")
        return (fixture, charge)
    }

    @Test func creditingAnInvoicedChargeIssuesACreditNoteShownWithTheInvoices() async throws {
        let (fixture, charge) = try invoicedFixture()
        try await asOfficer(fixture, on: "/officer/charges/\(charge.id!)") { browser in
            let response = try await browser.post("/officer/charges/\(charge.id!)/credit", [("creditReason", "Booked in error by the partnership")])
            #expect(response.status == .seeOther)
            #expect(try fixture.database.charge(id: charge.id!).state.description == "credited: CN-0001 (invoice 1)")
            try expectAudited(fixture, .creditNoteIssued)
            #expect(Browser.text(try await browser.get("/officer/invoices")).contains("CN-0001"))
            #expect(Browser.text(try await browser.get("/officer/invoices/1")).contains("CN-0001"))
        }
    }

    @Test func aCreditWithoutAReasonIsRefusedBesideItsField() async throws {
        let (fixture, charge) = try invoicedFixture()
        try await asOfficer(fixture, on: "/officer/charges/\(charge.id!)") { browser in
            let response = try await browser.post("/officer/charges/\(charge.id!)/credit", [("creditReason", " ")])
            #expect(response.status == .unprocessableContent)
            let page = Browser.text(response)
            #expect(page.contains(##"<a href="#creditReason">Enter why the charge is credited</a>"##))
            #expect(page.contains(#"id="creditReason-error""#))
            #expect(try fixture.database.creditNotes().isEmpty)
        }
    }

    @Test func raisingTheInvoicesOfAQuarterShowsEachInvoice() async throws {
        let clock = ProgrammeTestClock()
        let fixture = try WebFixture(now: clock.function)
        let booking = try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup").booking
        let cancelledAt = fixture.sessionStart.addingTimeInterval(-24 * 3600)
        clock.now = cancelledAt
        let bookingId = try #require(booking.id)
        let charge = try #require(try fixture.database.cancelBooking(bookingId, by: "setup").charge)
        clock.now = Date()
        try await asOfficer(fixture) { browser in
            // Invoices are raised once the charge's quarter has begun: the programme's clock goes on to the
            // cancellation (29 days ahead, which may be the next quarter) after signing in.
            clock.now = cancelledAt
            #expect(try await browser.get("/officer/invoices/raise").status == .ok)
            let quarter = Quarter(containing: charge.raisedOn)
            #expect(try await browser.post("/officer/invoices/raise", [("quarter", quarter.description)]).status == .seeOther)
            let invoice = try #require(try fixture.database.invoices().first?.invoice)
            try expectAudited(fixture, .invoiceRaised)
            #expect(Browser.text(try await browser.get("/officer/invoices")).contains(#"<a href="/officer/invoices/\#(invoice.number)">"#))
            let page = Browser.text(try await browser.get("/officer/invoices/\(invoice.number)"))
            #expect(page.contains("Calderdale NHS") && page.contains(Pence(charge.amountPence).description))
        }
    }

    // MARK: Evaluations

    @Test func aYearWrittenWronglyIsABadRequest() async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture) { browser in
            let response = try await browser.get("/officer/evaluations?year=last+year")
            #expect(response.status == .badRequest)
            #expect(Browser.text(response).contains("Choose a financial year written like 2025-26."))
        }
    }

    @Test func responseRatesAreShownWithSmallGroupsSuppressed() async throws {
        let clock = ProgrammeTestClock()
        let fixture = try WebFixture(now: clock.function)
        try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup")
        clock.now = fixture.sessionStart.addingTimeInterval(3600)
        try fixture.database.mark(session: fixture.session, present: ["sam@nhs.example"], by: "setup")
        clock.now = Date()
        let year = FinancialYear(containing: LondonTime.date(of: fixture.sessionStart))
        try await asOfficer(fixture) { browser in
            let page = Browser.text(try await browser.get("/officer/evaluations?year=\(year)"))
            #expect(page.contains("<caption>By level</caption>") && page.contains("<caption>By course</caption>"))
            #expect(page.contains(#"<th scope="row">Foundation</th><td class="number">1</td><td class="number">0</td><td class="number">0%</td>"#))
            #expect(page.contains("Too small to read"))
        }
    }

    // MARK: Who may see these pages

    @Test(arguments: ["/officer/courses/999", "/officer/charges/77", "/officer/invoices/42"])
    func anUnknownRecordIsNotFound(_ path: String) async throws {
        let fixture = try WebFixture()
        try await asOfficer(fixture) { browser in
            let response = try await browser.get(path)
            #expect(response.status == .notFound)
        }
    }

    @Test(arguments: ["booker@nhs.example", "board@partnership.example"])
    func nobodyButTheOfficerReachesThesePages(_ email: String) async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(email)
            for path in ["/officer/courses", "/officer/licences", "/officer/charges", "/officer/invoices", "/officer/evaluations"] {
                #expect(try await browser.get(path).status == .notFound)
            }
        }
    }
}

/// A clock the tests move by hand, for charges that need the session to come near.
final class ProgrammeTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    var function: @Sendable () -> Date { { self.now } }
}

extension Browser {
    /// Uploads a file as a multipart form, with this browser's cookie and CSRF token (or `token` instead).
    func upload(_ path: String, name: String, csrf token: String? = nil, _ contents: String) async throws -> TestResponse {
        let boundary = "----training-test-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(token ?? csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n"
        body += contents + "\r\n--\(boundary)--\r\n"
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = "training_session=\(cookie)" }
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}
