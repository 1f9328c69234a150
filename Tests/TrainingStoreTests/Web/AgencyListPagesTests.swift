import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 22: an agency's bookings (coming up and past) and charges are read a page at a time, with their
/// number, from the same rows and in the same order as the whole lists, and nothing of another agency.
@Suite("An agency's bookings and charges, a page at a time")
struct AgencyListPagesTests {
    /// The programme's partnership with `count` more Calderdale Council staff ("Staff 01" ...).
    func programme(staff count: Int) throws -> Programme {
        let programme = try Programme()
        let staff = try (1...count).map { number in
            LocatedLearner(details: try learner(String(format: "Staff %02d", number), String(format: "staff%02d@council.example", number)),
                           location: InputLocation(file: "staff.csv", line: number + 1))
        }
        try programme.database.importLearners(staff, updatingExisting: false, by: "officer")
        return programme
    }

    func council(_ database: AppDatabase) throws -> Int64 { try database.agency(named: "Calderdale Council").id! }

    @Test func bookingsComingUpAndPastArePagedInTheOrderOfTheWholeList() throws {
        let programme = try programme(staff: 30)
        let database = programme.database
        let emails = (1...30).map { String(format: "staff%02d@council.example", $0) }
        let first = try programme.halfDaySession(capacity: 40)
        let second = try programme.fullDaySession()
        _ = try database.book(session: first, learnerEmails: emails, by: "booker")
        _ = try database.book(session: second, learnerEmails: Array(emails.prefix(12)), by: "booker")
        _ = try database.book(session: second, learnerEmail: "ann@nhs.example", by: "booker")       // another agency's
        let agency = try council(database)
        // Before the first session: 42 coming up, soonest first, each day's by name; none past.
        let now = at("2025-11-10 09:00")
        let pages = try (1...2).map { try database.agencyBookings(agencyId: agency, .comingUp, at: now, page: PageRequest(number: $0)) }
        #expect(pages.map(\.page.total) == [42, 42] && pages.map(\.items.count) == [25, 17])
        #expect(try pages.flatMap(\.items) == database.agencyBookings(agencyId: agency))
        #expect(try database.agencyBookings(agencyId: agency, .past, at: now, page: PageRequest()).page.total == 0)
        // Between the two: the first session's 30 are past, latest first (one session, so by name).
        let between = at("2025-12-01 09:00")
        let past = try database.agencyBookings(agencyId: agency, .past, at: between, page: PageRequest(number: 2))
        #expect(past.page.total == 30 && past.items.map(\.learnerName) == (26...30).map { String(format: "Staff %02d", $0) })
        let coming = try database.agencyBookings(agencyId: agency, .comingUp, at: between, page: PageRequest(number: 9))
        #expect(coming.page.number == 1 && coming.items.count == 12 && coming.items.allSatisfy { $0.sessionId == second })
    }

    @Test func chargesArePagedNewestFirstWithWhatIsPayableInAll() throws {
        let programme = try programme(staff: 30)
        let database = programme.database
        let session = try programme.halfDaySession(capacity: 40)
        let bookings = try (1...27).map {
            try database.book(session: session, learnerEmail: String(format: "staff%02d@council.example", $0), by: "booker").booking.id!
        }
        programme.clock.set("2025-11-12 09:00")      // three working days before the session: every cancellation is charged
        for booking in bookings {
            try database.cancelBooking(booking, by: "booker")
            programme.clock.set(instant: programme.clock.now.addingTimeInterval(60))
        }
        let whole = try database.charges(agencyName: "Calderdale Council")
        let pages = try (1...2).map { try database.agencyCharges(agencyId: council(database), page: PageRequest(number: $0)) }
        #expect(pages.map(\.charges.page.total) == [27, 27])
        #expect(pages.flatMap(\.charges.items) == whole)
        #expect(pages.map(\.payable) == [whole.payable, whole.payable] && whole.payable == Pence(27 * 2500))
        let nhs = try database.agencyCharges(agencyId: database.agency(named: "Calderdale NHS").id!, page: PageRequest())
        #expect(nhs.charges.items.isEmpty && nhs.payable == .zero)
    }
}
