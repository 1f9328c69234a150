import Foundation
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingDemo
@testable import TrainingReports

@Suite("The demo partnership", .serialized)
struct DemoTests {
    static let catalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Courses")

    /// The demo built once for these tests (seed 2015), in a folder replaced on each run.
    static let shared: (database: AppDatabase, summary: DemoSummary, folder: URL) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-demo-tests")
        try? FileManager.default.removeItem(at: folder)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("demo.sqlite").path
        let summary = try! DemoPartnership.build(at: path, catalogue: catalogue, seed: 2015, today: LocalDate(year: 2026, month: 11, day: 22)!)
        return (try! AppDatabase.open(path: path), summary, folder)
    }()

    func build(seed: UInt64, in folder: URL) throws -> (AppDatabase, DemoSummary) {
        let path = folder.appendingPathComponent("demo-\(seed).sqlite").path
        let summary = try DemoPartnership.build(at: path, catalogue: Self.catalogue, seed: seed, today: LocalDate(year: 2026, month: 11, day: 22)!)
        return (try AppDatabase.open(path: path), summary)
    }

    func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theComingWeeksProgrammeIsOpenForBookingOnWorkingDaysAndNeverOverfull() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("upcoming.sqlite").path
        try Self.shared.database.backup(to: path)
        let today = LondonTime.date(of: Date())
        let made = try DemoPartnership.scheduleUpcoming(at: path, seed: 2015, today: today)
        #expect(made.sessions == 10)
        let upcoming = try AppDatabase.open(path: path).sessions(status: .scheduled).filter { $0.session.startDate > today }
        #expect(upcoming.count == 10)
        #expect(upcoming.allSatisfy { WorkingCalendar().isWorkingDay($0.session.startDate) && $0.session.startDate >= today.adding(days: 8) })
        #expect(upcoming.reduce(0) { $0 + $1.placesTaken + $1.waitlisted } == made.bookings)
        #expect(made.bookings > 0)
        #expect(upcoming.allSatisfy { $0.placesTaken <= $0.session.capacity })
    }

    @Test func aRealisticPartnershipWithAFindingForTheBoard() throws {
        let (database, summary, _) = Self.shared
        #expect(summary.years.map(\.description) == ["2024-25", "2025-26"])
        #expect(summary.agencies == 20)
        let year = FinancialYear(startYear: 2025)
        let courses = try database.courseFigures(period: year)
        #expect((55...75).contains(courses.total.held + courses.total.cancelled))
        #expect(courses.cancellationsByReason[.lowNumbers, default: 0] > 0)
        let attended = try database.attendanceByAgency(period: year).reduce(0) { $0 + $1.attended }
        #expect((800...1_500).contains(attended), "attended \(attended)")
        // The statutory police partner has staff and almost no take-up: the board's finding.
        let police = try #require(try database.takeUp(period: year).first { $0.agencyName.hasPrefix("North Riding Police") })
        #expect((police.rate ?? 1) < 0.02)
        let impact = try database.impact(period: year).overall.figures
        #expect((0.4...0.75).contains(impact.responseRate ?? 0))
        #expect(try !database.charges(year: year).isEmpty)
        #expect(try database.invoices().count > 0)
        #expect(try database.licenceFigures(period: year).total.completed > 0)
        #expect(try AppDatabase.check(path: database.path).isSound)
    }

    @Test func theBookersAgencysStaffHaveCertificatesAndRefreshersDue() throws {
        let (database, summary, _) = Self.shared
        let agency = try database.agency(named: DemoPartnership.bookersAgency(in: database))
        #expect(agency.name == "Westvale Teaching Hospitals NHS Trust")
        let due = try database.refreshersDue(agencyId: agency.storedID).lines
        #expect(due.count >= 6, "due \(due.count)")
        let featured = try #require(summary.featuredLearner)
        #expect(due.contains { $0.staff.email == featured })
        let own = try database.certificates(learnerEmail: featured)
        #expect(own.contains { if case .booking = $0.subject { true } else { false } })
        let certified = try Set(due.map(\.staff.email)).filter { try !database.certificates(learnerEmail: $0).isEmpty }
        #expect(certified.count == 6)
        #expect(try certified.reduce(0) { $0 + (try database.certificates(learnerEmail: $1).count) } == summary.certificates)
        for certificate in own {
            #expect(try database.verifyCertificate(code: certificate.code.description)?.learnerName == certificate.learnerName)
        }
    }

    @Test func theDemoPrintsTheFeaturedLearnersOwnLink() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("link.sqlite").path
        try Self.shared.database.backup(to: path)
        let featured = try #require(Self.shared.summary.featuredLearner)
        let line = try DemoPartnership.featuredLearnerLink(at: path, learner: featured)
        let shape = /(.+)'s own training page \((.+): .+\), working until .+:\nhttps:\/\/training\.wscp\.example\/my\/([A-Za-z0-9_-]{43})/
        let match = try #require(line.wholeMatch(of: shape), "\(line)")
        #expect(match.2 == featured)
        let page = try AppDatabase.open(path: path).ownTraining(token: String(match.3))
        #expect(page.learnerName == String(match.1))
        #expect(!page.record.isEmpty)
    }

    @Test func someOfTheBookersAgencysStaffAskForPlacesOneApprovedOneDeclinedOneWaiting() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("requests.sqlite").path
        try Self.shared.database.backup(to: path)
        _ = try DemoPartnership.scheduleUpcoming(at: path, seed: 2015, today: LondonTime.date(of: Date()))
        let featured = try #require(Self.shared.summary.featuredLearner)
        let made = try DemoPartnership.requestPlaces(at: path, featuredLearner: featured)
        #expect(made == DemoRequests(agencyName: "Westvale Teaching Hospitals NHS Trust", approved: 1, declined: 1, waiting: 1))
        let database = try AppDatabase.open(path: path)
        let agencyId = try database.agency(named: made.agencyName).storedID
        #expect(try database.agencyTakesRequests(agencyId: agencyId))
        let requests = try database.agencyPlaceRequests(agencyId: agencyId)
        #expect(requests.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.approved, .declined, .requested])
        #expect(requests.first { $0.state == .approved }?.request.bookingId != nil)
        #expect(requests.first { $0.state == .declined }?.request.reason != nil)
        let email = try #require(try database.learners(agencyName: made.agencyName).first { $0.learner.id == requests.first { $0.state == .requested }?.request.learnerId }?.learner.email)
        #expect(email == featured)
    }

    @Test func theSameSeedGivesAByteIdenticalBoardWorkbook() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let year = FinancialYear(startYear: 2025)
        let one = try BoardWorkbook.write(year: year, from: Self.shared.database, into: Self.shared.folder.path)
        let two = try BoardWorkbook.write(year: year, from: build(seed: 2015, in: folder).0, into: folder.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: one)) == Data(contentsOf: URL(fileURLWithPath: two)))
    }
}
