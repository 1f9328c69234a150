import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 17: registers that always close.
@Suite("Registers that always close")
struct RegisterClosingTests {
    func status(_ database: AppDatabase, booking id: Int64) throws -> String {
        try database.writer.read { try String.fetchOne($0, sql: "SELECT status FROM booking WHERE id = ?", arguments: [id])! }
    }

    @Test func anAbsenceBeforeTheSessionsStartIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()   // 17 November 2025, 09:30
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer")
        programme.clock.set("2025-11-17 08:00")         // the right day, before the start
        #expect(throws: RegisterRefusal.notStarted(session: session, startsAt: at("2025-11-17 09:30"))) {
            try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
        }
        #expect(try programme.database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM charge")! } == 0)
        programme.clock.set("2025-11-17 09:30")
        try programme.database.mark(session: session, absent: ["sam@council.example"], by: "officer")
    }

    @Test func erasingALearnerCancelsTheirPlacesToComeWithNoChargeAndTheWaitingListMovesUp() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker@council.example").booking.id!
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker@council.example").booking.id!
        programme.clock.set("2025-11-14 16:00")         // under the cut-off: a cancellation would be charged
        let report = try programme.database.erase(email: "sam@council.example", reason: "DP-1", by: "officer")
        #expect(report.placesCancelled == [sam])
        #expect(try status(programme.database, booking: sam) == "cancelled")
        #expect(try status(programme.database, booking: jo) == "confirmed")
        #expect(try programme.database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM charge")! } == 0)
        #expect(try programme.database.notifications().map(\.kind.rawValue) == ["promoted-from-waitlist"])
    }

    @Test func anErasedLearnersPlaceOnAStartedSessionIsMarkedByItsBookingSoTheSessionIsDelivered() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer").booking.id!
        programme.clock.set("2025-11-17 10:00")
        let report = try programme.database.erase(email: "sam@council.example", reason: "DP-2", by: "officer")
        #expect(report.placesCancelled.isEmpty)
        #expect(throws: SessionRefusal.registerIncomplete(unmarked: [UnmarkedPlace(booking: sam, learnerName: "Anonymised learner #1", learnerEmail: nil)])) {
            try programme.database.deliverSession(session, by: "officer")
        }
        let marks = try programme.database.mark(session: session, presentBookings: [sam], by: "officer")
        #expect(marks.map(\.line.booking.status.rawValue) == ["attended"])
        try programme.database.deliverSession(session, by: "officer")
        #expect(try status(programme.database, booking: sam) == "attended")
    }

    @Test func deliveringASessionClosesItsWaitingListAndTellsTheBooker() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer")
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker@council.example").booking.id!
        programme.clock.set("2025-11-17 10:00")
        try programme.database.mark(session: session, present: ["sam@council.example"], by: "officer")
        try programme.database.deliverSession(session, by: "officer")
        #expect(try status(programme.database, booking: jo) == "no-place-came-up")
        let told = try programme.database.notifications().filter { $0.kind.rawValue == "waitlist-closed" }
        #expect(told.map(\.recipient) == ["booker@council.example"])
        #expect(told.map(\.bookingId) == [jo])
        #expect(try programme.database.bookingHistory(jo).map(\.kind.rawValue) == ["waitlisted", "waitlist-closed"])
        let details = try programme.database.sessionDetails(session)
        #expect(details.waitingList.isEmpty)
        #expect(details.waitingListClosed.map(\.booking.id) == [jo])     // still shown on the session, as closed
    }

    @Test func cancellingASessionClosesItsWaitingListRatherThanCancellingThePlaces() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let sam = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer").booking.id!
        let jo = try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker@council.example").booking.id!
        try programme.database.cancelSession(session, reason: .trainer, note: nil, by: "officer")
        #expect(try status(programme.database, booking: sam) == "cancelled")
        #expect(try status(programme.database, booking: jo) == "no-place-came-up")
        #expect(try programme.database.notifications().filter { $0.bookingId == jo }.map(\.kind.rawValue) == ["waitlist-closed"])
    }
}
