import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

extension Programme {
    /// Sam attends the half-day session of Monday 17 November 2025 (09:30–12:30); returns the booking.
    func samAttends() throws -> Int64 {
        let session = try halfDaySession()
        let booking = try database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        clock.set("2025-11-17 13:00")
        try database.mark(session: session, present: ["sam@council.example"], by: "officer")
        return try booking.storedID
    }

    /// Sam completes the e-learning module on 5 November 2025; returns the allocation.
    func samCompletesTheModule() throws -> Int64 {
        try database.buyLicences(count: 5, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                 supplier: "Supplier", note: nil, by: "officer")
        let allocation = try #require(try database.allocateLicences(module: Self.module, to: ["sam@council.example"], by: "officer").first?.allocation)
        try database.importUsage([UsageRow(line: 2, email: "sam@council.example", module: Self.module, startedOn: LocalDate(year: 2025, month: 11, day: 4),
                                           completedOn: LocalDate(year: 2025, month: 11, day: 5))], by: "officer")
        return try #require(allocation.id)
    }
}

@Suite("Certificates")
struct CertificateTests {
    @Test func anAttendedBookingIsCertifiedWithTheSessionsFactsAndACodeToCheckItBy() throws {
        let attended = try Programme()
        let booking = try attended.samAttends()
        let certificate = try attended.database.issueCertificate(forBooking: booking, by: "officer")
        #expect(certificate.subject == .booking(booking))
        #expect(certificate.learnerName == "Sam Patel")
        #expect(certificate.courseTitle == Programme.halfDay)
        #expect(certificate.level == .foundation)
        #expect(certificate.date == LocalDate(year: 2025, month: 11, day: 17)!)
        #expect(certificate.duration.minutes == 180)
        #expect(certificate.partnershipName == "Local Safeguarding Children Partnership")
        #expect(certificate.issuedAt == at("2025-11-17 13:00"))
        #expect(certificate.code.description.range(of: #"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$"#, options: .regularExpression) != nil)
        #expect(certificate.verificationAddress == "http://127.0.0.1:8080/verify/\(certificate.code)")
        let audit = try attended.database.auditLog(limit: 1).first
        #expect(audit?.action == .certificateIssued)
        #expect(audit?.entity == .certificate)
    }

    @Test func aCertificateIsIssuedOnceAndTheSameOneIsGivenEveryTimeAfter() throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let first = try programme.database.issueCertificate(forBooking: booking, by: "officer")
        programme.clock.set("2026-02-01 10:00")
        let again = try programme.database.issueCertificate(forBooking: booking, by: "booker")
        #expect(again == first)
        #expect(try programme.database.certificate(forBooking: booking) == first)
        #expect(try programme.database.count("certificate") == 1)
        #expect(try programme.database.auditLog(limit: 50).filter { $0.action == .certificateIssued }.count == 1)
    }

    @Test func aBookingNotAttendedHasNoCertificateAndNothingIsWritten() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker").booking.storedID
        let before = try programme.database.snapshot()
        #expect(throws: CertificateRefusal.notAttended(booking: booking, status: .confirmed)) {
            try programme.database.issueCertificate(forBooking: booking, by: "officer")
        }
        #expect(try programme.database.snapshot() == before)
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, absent: ["jo@council.example"], by: "officer")
        #expect(throws: CertificateRefusal.notAttended(booking: booking, status: .didNotAttend)) {
            try programme.database.issueCertificate(forBooking: booking, by: "officer")
        }
        #expect(throws: UnknownBooking(999)) { try programme.database.issueCertificate(forBooking: 999, by: "officer") }
        #expect(try programme.database.count("certificate") == 0)
        #expect(try programme.database.certificate(forBooking: booking) == nil)
    }

    @Test func aCompletedModuleIsCertifiedOnTheDayItWasCompletedForTheModulesDuration() throws {
        let programme = try Programme()
        let allocation = try programme.samCompletesTheModule()
        let certificate = try programme.database.issueCertificate(forAllocation: allocation, by: "officer")
        #expect(certificate.subject == .allocation(allocation))
        #expect(certificate.courseTitle == Programme.module)
        #expect(certificate.date == LocalDate(year: 2025, month: 11, day: 5)!)
        #expect(certificate.duration.minutes == 180)
        #expect(try programme.database.certificate(forAllocation: allocation) == certificate)
    }

    @Test func aModuleNotCompletedHasNoCertificate() throws {
        let programme = try Programme()
        try programme.database.buyLicences(count: 5, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                           supplier: nil, note: nil, by: "officer")
        let allocation = try #require(try programme.database.allocateLicences(module: Programme.module, to: ["jo@council.example"], by: "officer").first?.allocation?.id)
        #expect(throws: CertificateRefusal.notCompleted(allocation: allocation, status: .allocated)) {
            try programme.database.issueCertificate(forAllocation: allocation, by: "officer")
        }
        #expect(throws: CertificateRefusal.unknownAllocation(999)) { try programme.database.issueCertificate(forAllocation: 999, by: "officer") }
        #expect(try programme.database.count("certificate") == 0)
    }

    @Test func allOfALearnersCertificatesAreIssuedTogetherByDay() throws {
        let programme = try Programme()
        let allocation = try programme.samCompletesTheModule()
        let booking = try programme.samAttends()
        let certificates = try programme.database.issueCertificates(learnerEmail: "SAM@council.example", by: "officer")
        #expect(certificates.map(\.subject) == [.allocation(allocation), .booking(booking)])   // 5 November, then 17 November
        #expect(Set(certificates.map(\.code)).count == 2)
        #expect(try programme.database.certificates(learnerEmail: "sam@council.example") == certificates)
        let sam = try programme.database.learnerId(email: "sam@council.example")
        #expect(try programme.database.certificates(learnerId: sam) == certificates)
        #expect(try programme.database.issueCertificates(learnerEmail: "sam@council.example", by: "officer") == certificates)
    }

    @Test func aLearnerWithNothingToCertifyIsToldSo() throws {
        let programme = try Programme()
        #expect(throws: CertificateRefusal.nothingToCertify(email: "kim@council.example")) {
            try programme.database.issueCertificates(learnerEmail: "kim@council.example", by: "officer")
        }
        #expect(throws: UnknownLearner(email: "nobody@council.example")) {
            try programme.database.issueCertificates(learnerEmail: "nobody@council.example", by: "officer")
        }
    }

    /// How someone might type a code they read.
    enum Typing: CaseIterable { case asPrinted, lowerCase, withoutDashes, spacedLowerCaseWithoutDashes }

    @Test(arguments: Typing.allCases)
    func theCodeFindsTheLearnerTheCourseAndTheDayWhateverItsCaseAndDashes(typing: Typing) throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let code = try programme.database.issueCertificate(forBooking: booking, by: "officer").code.description
        let typed = switch typing {
        case .asPrinted: code
        case .lowerCase: code.lowercased()
        case .withoutDashes: code.replacingOccurrences(of: "-", with: "")
        case .spacedLowerCaseWithoutDashes: " " + code.lowercased().replacingOccurrences(of: "-", with: "") + " "
        }
        let verified = try programme.database.verifyCertificate(code: typed)
        #expect(verified == VerifiedCertificate(learnerName: "Sam Patel", courseTitle: Programme.halfDay, date: LocalDate(year: 2025, month: 11, day: 17)!))
    }

    @Test(arguments: ["ABCD-EFGH-JKLM", "", "not a code", "ABCD-EFGH-JKL0", String(repeating: "A", count: 500)])
    func aCodeNoCertificateHasFindsNothing(code: String) throws {
        let programme = try Programme()
        _ = try programme.database.issueCertificate(forBooking: try programme.samAttends(), by: "officer")
        #expect(try programme.database.verifyCertificate(code: code) == nil)
    }

    @Test func aCertificateWhoseRegisterWasCorrectedCertifiesNothingUntilItIsCorrectedBack() throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let code = try programme.database.issueCertificate(forBooking: booking, by: "officer").code.description
        try programme.database.mark(session: programme.sessionOf(booking), absent: ["sam@council.example"], by: "officer")
        #expect(try programme.database.verifyCertificate(code: code) == nil)
        #expect(try programme.database.certificate(forBooking: booking) == nil)
        try programme.database.mark(session: programme.sessionOf(booking), present: ["sam@council.example"], by: "officer")
        #expect(try programme.database.verifyCertificate(code: code)?.learnerName == "Sam Patel")
    }

    @Test func erasingALearnerDeletesTheirCertificatesAndNoNewOneIsMade() throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let allocation = try programme.samCompletesTheModule()
        let codes = try programme.database.issueCertificates(learnerEmail: "sam@council.example", by: "officer").map(\.code.description)
        try programme.database.erase(email: "sam@council.example", reason: "DP-7", by: "officer")
        #expect(try programme.database.count("certificate") == 0)
        for code in codes { #expect(try programme.database.verifyCertificate(code: code) == nil) }
        #expect(throws: CertificateRefusal.learnerErased) { try programme.database.issueCertificate(forBooking: booking, by: "officer") }
        #expect(throws: CertificateRefusal.learnerErased) { try programme.database.issueCertificate(forAllocation: allocation, by: "officer") }
    }

    @Test func retentionAnonymisingALearnerDeletesTheirCertificatesAndKeepsTheirBookings() throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let code = try programme.database.issueCertificate(forBooking: booking, by: "officer").code.description
        programme.clock.set("2032-01-01 10:00")
        let run = try programme.database.applyRetention(dryRun: false, by: "officer")
        #expect(run.learnersToAnonymise.map(\.name).contains("Sam Patel"))
        #expect(try programme.database.count("certificate") == 0)
        #expect(try programme.database.count("booking") == 1)
        #expect(try programme.database.verifyCertificate(code: code) == nil)
    }

    @Test func subjectAccessListsTheLearnersCertificatesAndTheirAuditEntries() throws {
        let programme = try Programme()
        let booking = try programme.samAttends()
        let code = try programme.database.issueCertificate(forBooking: booking, by: "officer").code.description
        let record = try programme.database.subjectAccess(email: "sam@council.example")
        let section = try #require(record.sections.first { $0.title == "Certificates" })
        #expect(section.rows.count == 1)
        #expect(section.rows.first?.first == .text(code))
        #expect(section.rows.first?.contains(.text(Programme.halfDay)) == true)
        let audit = try #require(record.sections.first { $0.title == "Audit entries" })
        #expect(audit.rows.contains { $0.contains(.text("certificate issued")) })
        let jo = try programme.database.subjectAccess(email: "jo@council.example")
        #expect(jo.sections.first { $0.title == "Certificates" }?.rows.isEmpty == true)
        #expect(!(jo.sections.first { $0.title == "Audit entries" }?.rows.contains { $0.contains(.text("certificate issued")) } ?? true))
    }
}

extension Programme {
    /// The session of a booking.
    func sessionOf(_ booking: Int64) throws -> Int64 {
        try database.writer.read { try Int64.fetchOne($0, sql: "SELECT sessionId FROM booking WHERE id = ?", arguments: [booking]) } ?? 0
    }
}
