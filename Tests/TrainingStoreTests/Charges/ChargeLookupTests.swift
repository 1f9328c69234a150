import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// Reading one charge by its number, as the officer's waiver page does.
@Suite("Charge lookup")
struct ChargeLookupTests {
    @Test func oneChargeIsReadWithItsAgencyLearnerAndCourse() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").booking
        programme.clock.set("2025-11-12 08:00")
        let charge = try #require(try programme.database.cancelBooking(booking.id!, by: "b").charge)
        let line = try programme.database.charge(id: charge.id!)
        #expect(line.charge == charge)
        #expect(line.agencyName == "Calderdale Council")
        #expect(line.learnerName == "Sam Patel")
        #expect(line.courseTitle == Programme.halfDay)
    }

    @Test func anUnknownChargeIsNotFound() throws {
        let programme = try Programme()
        #expect(throws: ChargeRefusal.unknownCharge(99)) { try programme.database.charge(id: 99) }
    }
}
