import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Programme figures for the board")
struct ProgrammeFiguresTests {
    func session(_ line: Int, _ reference: String, _ level: CourseLevel, _ delivery: DeliveryMode, _ start: String,
                 _ status: SessionStatus, _ reason: SessionCancelReason? = nil) -> SessionHistoryRow {
        SessionHistoryRow(line: line, reference: reference, courseTitle: level == .foundation ? "Introduction to Safeguarding" : "Toxic Trio",
                          level: level, delivery: delivery, start: at(start), end: nil, venue: nil, capacity: 20, status: status, cancelReason: reason)
    }

    func booking(_ line: Int, _ reference: String, _ email: String, _ agency: String?, _ status: BookingStatus) -> BookingHistoryRow {
        BookingHistoryRow(line: line, sessionReference: reference,
                          person: HistoryPerson(email: try! EmailAddress(email), name: email, agencyName: agency, sector: nil),
                          bookedOn: at("2014-05-01 09:00"), status: status, cancelledOn: nil)
    }

    /// 2014-15: one session held, one cancelled for low numbers on 31 March 2015.
    /// 2015-16: one held on 1 April 2015 (run virtually), one cancelled (trainer), one still scheduled.
    func programme() throws -> Programme {
        let programme = try Programme()
        var history = HistoryImport()
        history.sessions = [
            session(2, "S0", .foundation, .faceToFace, "2014-06-02 09:30", .delivered),
            session(3, "S1", .foundation, .faceToFace, "2015-03-31 09:30", .cancelled, .lowNumbers),
            session(4, "S2", .intermediate, .virtual, "2015-04-01 09:30", .delivered),
            session(5, "S3", .intermediate, .faceToFace, "2016-03-31 09:30", .cancelled, .trainer),
            session(6, "S4", .intermediate, .faceToFace, "2016-02-01 09:30", .scheduled),
        ]
        history.bookings = [
            booking(2, "S0", "a@council.example", "Calderdale Council", .attended),
            booking(3, "S2", "a@council.example", "Calderdale Council", .attended),
            booking(4, "S2", "b@council.example", "Calderdale Council", .attended),
            booking(5, "S2", "c@unknown.example", nil, .attended),
            booking(6, "S2", "d@nhs.example", "Calderdale NHS", .didNotAttend),
        ]
        try programme.database.importHistory(history, by: "officer")
        return programme
    }

    @Test func coursesHeldAndCancelledFallInTheYearOfTheirStart() throws {
        let database = try programme().database
        let now = try database.courseFigures(period: FinancialYear(startYear: 2015))
        #expect(now.total == HeldAndCancelled(held: 1, cancelled: 1))
        #expect(now.total.cancelledShare == 0.5)
        #expect(now.byDelivery[.virtual] == HeldAndCancelled(held: 1, cancelled: 0))
        #expect(now.byLevel[.intermediate] == HeldAndCancelled(held: 1, cancelled: 1))
        #expect(now.cancellationsByReason == [.trainer: 1])
        let before = try database.courseFigures(period: FinancialYear(startYear: 2014))
        #expect(before.total == HeldAndCancelled(held: 1, cancelled: 1))
        #expect(before.cancellationsByReason == [.lowNumbers: 1])
    }

    @Test func attendanceIsCountedAgainstTheAgencyOnTheBookingAndAddsUpToTheTotal() throws {
        let database = try programme().database
        let lines = try database.attendanceByAgency(period: FinancialYear(startYear: 2015))
        #expect(lines == [
            AgencyAttendance(agencyName: "Calderdale NHS", sector: .health, attended: 0),
            AgencyAttendance(agencyName: "Calderdale Council", sector: .localAuthority, attended: 2),
            AgencyAttendance(agencyName: nil, sector: nil, attended: 1),
        ])
        #expect(lines.reduce(0) { $0 + $1.attended } == 3)
        #expect(try database.attendanceByAgency(period: FinancialYear(startYear: 2014)).first { $0.agencyName == "Calderdale Council" }?.attended == 1)
    }
}

extension ProgrammeFiguresTests {
    @Test func aWorkbookIsDatedAtTheLatestActivityOrTheEndOfItsPeriodIfEarlier() throws {
        // The latest activity is the start of S3, 31 March 2016 09:30 (bookings were made in 2014).
        let database = try programme().database
        let latest = at("2016-03-31 09:30")
        #expect(try database.latestActivity() == latest)
        #expect(try database.latestActivity(notAfter: at("2015-04-01 00:00")) == at("2015-04-01 00:00"))   // a session starts later
        #expect(try database.latestActivity(notAfter: at("2017-04-01 00:00")) == latest)
        #expect(try database.latestActivity(notAfter: latest) == latest)
    }

    @Test func aDatabaseWithNoActivityHasNoDate() throws {
        #expect(try Programme().database.latestActivity(notAfter: at("2017-04-01 00:00")) == nil)
    }

    @Test func figuresReadInOneReadAgreeThoughAWriteCommitsBetweenThem() throws {
        let folder = TemporaryFolder()
        let path = folder.path("view.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        func attended(_ line: Int, _ email: String) -> BookingHistoryRow {
            BookingHistoryRow(line: line, sessionReference: "S2",
                              person: HistoryPerson(email: try! EmailAddress(email), name: email, agencyName: "Calderdale Council",
                                                    sector: .localAuthority),
                              bookedOn: at("2015-03-01 09:00"), status: .attended, cancelledOn: nil)
        }
        var history = HistoryImport()
        history.sessions = [session(2, "S2", .intermediate, .virtual, "2015-04-01 09:30", .delivered)]
        history.bookings = [attended(2, "a@council.example")]
        try database.importHistory(history, by: "officer")
        let year = FinancialYear(startYear: 2015)
        let (first, second) = try database.inOneRead { view in
            let first = try view.attendanceByAgency(period: year)
            var more = HistoryImport()
            more.sessions = history.sessions
            more.bookings = [attended(3, "b@council.example")]
            try AppDatabase.open(path: path).importHistory(more, by: "officer")
            return (first, try view.attendanceByAgency(period: year))
        }
        #expect(first == second)
        #expect(first.first?.attended == 1)
        #expect(try database.attendanceByAgency(period: year).first?.attended == 2, "after the view the second booking is seen")
    }

    /// A view has only the store's reads: `inOneRead`, on the database and inside a write transaction (where
    /// SQLite itself would take a write), hands its closure a ReadOnlyStore, which has no intention to call,
    /// so a change asked for through a view does not compile; no run-time refusal stands guard any more.
    @Test func aReadViewIsAReadOnlyStoreThatSeesItsTransactionsWritesAndHasNoWrites() throws {
        let database = try programme().database
        let agencies: (ReadOnlyStore) throws -> Int = { view in try view.agencies().count }
        let before = try database.inOneRead(agencies)
        #expect(before == (try database.agencies().count))
        try database.inOneTransaction { joined in
            try joined.addAgency(AgencyDetails(name: "Halifax Nursery", sector: .earlyYears), by: "o")
            #expect(try joined.inOneRead(agencies) == before + 1)
            #expect(try joined.inOneRead { view in (view as Any) is AppDatabase } == false)
        }
    }

    @Test func eachCourseDeliveredShowsPlacesBookedAndAttended() throws {
        let database = try programme().database
        // 2015-16: S2 (Toxic Trio, 20 places): three attended, one did not attend.
        #expect(try database.courseDeliveries(period: FinancialYear(startYear: 2015)) == [
            CourseDelivery(title: "Toxic Trio", level: .intermediate, sessionsDelivered: 1, placesOffered: 20, booked: 4, attended: 3, didNotAttend: 1),
        ])
        #expect(try database.courseDeliveries(period: FinancialYear(startYear: 2014)).map(\.attended) == [1])
    }
}

@Suite("Charges for the board")
struct ChargesFiguresTests {
    @Test func everyAgencyIsListedWithWhatWasRaisedWaivedAndInvoiced() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        for email in ["sam@council.example", "jo@council.example", "kim@council.example"] {
            try programme.database.book(session: session, learnerEmail: email, by: "b")
        }
        programme.clock.set("2025-11-14 08:00")
        let late = try #require(try programme.database.cancelBooking(3, by: "b").charge)     // Kim: £25.00
        programme.clock.set("2025-11-17 13:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["jo@council.example"], by: "o")  // Jo: £50.00
        try programme.database.waiveCharge(late.id!, reason: "Snow", by: "o")
        try programme.database.raiseInvoices(for: Quarter.parse("2025-26-Q3"), by: "o")
        #expect(try programme.database.chargesByAgency(period: FinancialYear(startYear: 2025)) == [
            AgencyCharges(agencyName: "Calderdale Council", lateCancellations: 1, nonAttendances: 1, raised: 7500, waived: 2500, invoiced: 5000),
            AgencyCharges(agencyName: "Calderdale NHS", lateCancellations: 0, nonAttendances: 0, raised: 0, waived: 0, invoiced: 0),
        ])
    }
}
