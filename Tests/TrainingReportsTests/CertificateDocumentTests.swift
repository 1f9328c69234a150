import Foundation
import Testing
import TrainingCore
@testable import TrainingReports
import TrainingStore

@Suite("Certificate PDFs")
struct CertificateDocumentTests {
    static func certificate(_ subject: CertificateFacts.Subject = .booking(12), learner: String = "Zoë Ní Bhriain",
                            course: String = "Introduction to Safeguarding", outcomes: [String]? = nil) -> CertificateFacts {
        let code = VerificationCode("ABCD-EFGH-JKLM")!
        return CertificateFacts(
            subject: subject, code: code, issuedAt: Date(timeIntervalSince1970: 1_763_384_400), partnershipName: "Westvale Safeguarding Children Partnership",
            verificationAddress: code.address(baseURL: "https://training.westvale.example"), learnerName: learner, courseTitle: course,
            level: .foundation, date: LocalDate(year: 2025, month: 11, day: 17)!, duration: CourseDuration(minutes: 210)!,
            outcomes: outcomes ?? ["Recognise the signs of abuse and neglect", "Know how to share a concern with the right person"])
    }

    @Test func aCertificateIsAPDFWhoseTextHoldsTheLearnerTheCourseAndTheDate() throws {
        let pdf = try CertificateDocument.pdf([Self.certificate()])
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(String(decoding: pdf.suffix(16), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
        let text = try PDFText.of(pdf)
        for expected in ["Westvale Safeguarding Children Partnership", "Certificate of attendance", "Zoë Ní Bhriain", "Introduction to Safeguarding",
                         "Monday 17 November 2025", "Foundation", "3 hours 30 minutes", "Recognise the signs of abuse and neglect",
                         "ABCD-EFGH-JKLM", "https://training.westvale.example/verify/ABCD-EFGH-JKLM"] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    @Test func theSameCertificateGivesTheSameBytes() throws {
        let first = try CertificateDocument.pdf([Self.certificate()])
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try CertificateDocument.pdf([Self.certificate()]) == first)
    }

    @Test func aDifferentLearnerGivesDifferentBytes() throws {
        #expect(try CertificateDocument.pdf([Self.certificate()]) != CertificateDocument.pdf([Self.certificate(learner: "Sam Patel")]))
    }

    @Test func theFontsAreEmbedded() throws {
        let raw = String(decoding: try CertificateDocument.pdf([Self.certificate()]), as: UTF8.self)
        #expect(raw.contains("/FontFile2"))
        #expect(raw.range(of: #"/FontName /[A-Z]{6}\+DejaVuSans"#, options: .regularExpression) != nil)
        #expect(raw.range(of: #"/FontName /[A-Z]{6}\+DejaVuSerif-Bold"#, options: .regularExpression) != nil)
    }

    @Test func aModuleCompletedHasACertificateOfCompletion() throws {
        let text = try PDFText.of(try CertificateDocument.pdf([Self.certificate(.allocation(3), course: "Awareness of Domestic Abuse")]))
        #expect(text.contains("Certificate of completion"))
        #expect(text.contains("completed the e-learning module"))
    }

    @Test func aLearnersCertificatesAreOnePageEach() throws {
        let pdf = try CertificateDocument.pdf([Self.certificate(), Self.certificate(.allocation(3), course: "Awareness of Domestic Abuse"),
                                               Self.certificate(.booking(40), course: "Designated Safeguarding Lead")])
        let pages = try PDFText.of(pdf).split(separator: "\u{0C}", omittingEmptySubsequences: true)
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count == 3)
        #expect(pages.map { $0.contains("Designated Safeguarding Lead") } == [false, false, true])
    }

    @Test func manyLongOutcomesAreSetSmallerToFitThePage() throws {
        let outcomes = (1...14).map { "Outcome \($0): " + String(repeating: "understand how agencies work together to keep children safe ", count: 2) }
        let text = try PDFText.of(try CertificateDocument.pdf([Self.certificate(outcomes: outcomes)]))
        #expect(text.contains("Outcome 14"))
        #expect(text.split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == 1)
    }

    /// What a page refuses with.
    struct NotYours: Error {}

    @Test func theDownloadsIssueInOneWriteThenDrawAndARefusalIssuesNothing() async throws {
        let database = try smallPartnership()   // Bob attended P1 in 2014 and completed "FGM Awareness" on 3 July 2015
        let bobs = try PDFText.of(try await database.certificatesPDF(learnerEmail: "bob@council.example", by: "test"))
        #expect(bobs.split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count == 2)
        let issued = try database.certificates(learnerEmail: "bob@council.example")
        guard case .allocation(let allocation) = try #require(issued.last).subject else { Issue.record("no module certificate"); return }
        let module = try PDFText.of(try await database.certificatePDF(forAllocation: allocation, by: "test"))
        #expect(module.contains("Certificate of completion") && module.contains("FGM Awareness") && module.contains("Friday 3 July 2015"))

        let amys = try database.subjectAccess(email: "amy@council.example").sections.first { $0.title == "Bookings" }?.rows ?? []
        let booking = try #require(amys.first.flatMap { row -> Int64? in if case .number(let id) = row.first { Int64(id) } else { nil } })
        await #expect(throws: NotYours.self) { try await database.certificatePDF(forBooking: booking, by: "test") { _ in throw NotYours() } }
        #expect(try database.certificates(learnerEmail: "amy@council.example").isEmpty)
        #expect(try await database.certificatePDF(forBooking: booking, by: "test").starts(with: Data("%PDF-".utf8)))
    }

    @Test func noCertificatesIsNoDocument() {
        #expect(throws: (any Error).self) { try CertificateDocument.pdf([]) }
    }

    @Test(arguments: [(60, "1 hour"), (90, "1 hour 30 minutes"), (45, "45 minutes"), (390, "6 hours 30 minutes"), (121, "2 hours 1 minute")])
    func durationsAreWrittenInWords(minutes: Int, words: String) throws {
        #expect(CertificateWording.duration(try #require(CourseDuration(minutes: minutes))) == words)
    }
}
