import Foundation
import HummingbirdTesting
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

@Suite("Certificates on the web: checking a code, and a booker's download")
struct CertificateWebTests {
    /// Sam (Calderdale NHS) attended the fixture's session and Jo (NHS) did not; Kim (Council) is booked.
    /// Returns the fixture and the bookings of Sam, Jo and Kim.
    func attendedSession() throws -> (WebFixture, sam: Int64, jo: Int64, kim: Int64) {
        let clock = WebClock(Date())
        let fixture = try WebFixture(now: clock.function)
        let database = fixture.database
        let sam = try database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup").booking.storedID
        let jo = try database.book(session: fixture.session, learnerEmail: "jo@nhs.example", by: "setup").booking.storedID
        let kim = try database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "setup").booking.storedID
        clock.advance(by: fixture.sessionStart.timeIntervalSince(clock.function()) + 3.5 * 3600)
        try database.mark(session: fixture.session, present: ["sam@nhs.example", "kim@council.example"], absent: ["jo@nhs.example"], by: "setup")
        return (fixture, sam, jo, kim)
    }

    @Test func theRightCodeShowsTheLearnerTheCourseAndTheDateAndNothingElse() async throws {
        let (fixture, sam, _, _) = try attendedSession()
        let certificate = try fixture.database.issueCertificate(forBooking: sam, by: "setup")
        let code = certificate.code.description
        let day = MessageWording.longDate(certificate.date)
        try await fixture.withBrowser { browser in
            for typed in [code, code.lowercased(), code.replacingOccurrences(of: "-", with: "")] {
                let response = try await browser.get("/verify/\(typed)")
                #expect(response.status == .ok)
                let text = Browser.text(response)
                #expect(text.contains("<dt>Issued to</dt><dd>Sam Patel</dd>"))
                #expect(text.contains("<dt>Course</dt><dd>Introduction to Safeguarding</dd>"))
                #expect(text.contains("<dt>Date</dt><dd>\(day)</dd>"))
                for hidden in ["sam@nhs.example", "Calderdale NHS", "Halifax Town Hall", "oundation", "3 hours", "Jo Bloggs", "Kim Lee"] {
                    #expect(!text.contains(hidden), "the verification page shows \(hidden)")
                }
            }
        }
    }

    @Test func anyOtherCodeIsAPlainNotFound() async throws {
        let (fixture, sam, _, _) = try attendedSession()
        let code = try fixture.database.issueCertificate(forBooking: sam, by: "setup").code.description
        let other = code.first == "A" ? "B" + code.dropFirst() : "A" + code.dropFirst()
        try await fixture.withBrowser { browser in
            for path in ["/verify/\(other)", "/verify/nothing", "/verify/%3Cscript%3E", "/verify/\(code)X"] {
                let response = try await browser.get(path)
                #expect(response.status == .notFound)
                let text = Browser.text(response)
                #expect(text.contains("Certificate not found"))
                for shown in ["Sam Patel", "Introduction to Safeguarding"] { #expect(!text.contains(shown), "\(path) shows \(shown)") }
            }
        }
    }

    @Test func theVerificationPageNeedsNoSignIn() async throws {
        let (fixture, sam, _, _) = try attendedSession()
        let code = try fixture.database.issueCertificate(forBooking: sam, by: "setup").code.description
        try await fixture.withBrowser { browser in
            let response = try await browser.get("/verify/\(code)")
            #expect(response.status == .ok)
            #expect(response.headers[.location] == nil)
        }
    }

    @Test func aBookerDownloadsTheCertificateOfTheirAgencysAttendedBookingFromItsPage() async throws {
        let (fixture, sam, jo, _) = try attendedSession()
        try await fixture.withBrowser { browser in
            #expect(try await browser.signIn("booker@nhs.example"))
            let page = Browser.text(try await browser.get("/agency/bookings/\(sam)"))
            #expect(page.contains(#"<a href="/agency/bookings/\#(sam)/certificate.pdf">"#))
            let download = try await browser.get("/agency/bookings/\(sam)/certificate.pdf")
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.contains("certificate-\(sam).pdf") == true)
            let bytes = Data(buffer: download.body)
            #expect(bytes.starts(with: Data("%PDF-".utf8)))
            #expect(try await Data(buffer: browser.get("/agency/bookings/\(sam)/certificate.pdf").body) == bytes)

            let absent = Browser.text(try await browser.get("/agency/bookings/\(jo)"))
            #expect(!absent.contains("certificate.pdf"))
            let refused = try await browser.get("/agency/bookings/\(jo)/certificate.pdf")
            #expect(refused.status == .notFound)
            #expect(Browser.text(refused).contains("not marked attended"))
        }
        #expect(try fixture.database.certificate(forBooking: sam) != nil)
        #expect(try fixture.database.certificate(forBooking: jo) == nil)
    }

    @Test func aBookerOfAnotherAgencyGetsNotFoundAndNothingIsIssued() async throws {
        let (fixture, _, _, kim) = try attendedSession()
        try await fixture.withBrowser { browser in
            #expect(try await browser.signIn("booker@nhs.example"))
            let response = try await browser.get("/agency/bookings/\(kim)/certificate.pdf")
            #expect(response.status == .notFound)
            #expect(!Browser.text(response).contains("Kim Lee"))
        }
        #expect(try fixture.database.certificate(forBooking: kim) == nil)
    }
}
