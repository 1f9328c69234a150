import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Register marking in one go")
struct RegisterInOneGoTests {
    @Test func presentAndAbsentAreMarkedTogether() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "b")
        programme.clock.set("2025-11-17 12:45")
        let marks = try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["ann@nhs.example"], by: "officer")
        #expect(marks.map(\.line.booking.status.rawValue) == ["attended", "did-not-attend"])
        #expect(try programme.database.charges().map(\.agencyName) == ["Calderdale NHS"])
    }

    @Test func aLearnerMarkedBothPresentAndAbsentIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b")
        programme.clock.set("2025-11-17 12:45")
        let refusal = RegisterRefusal.givenTwice(place: "sam@council.example")
        #expect(refusal.localizedDescription == "sam@council.example is given more than once")
        #expect(refusal.location == InputLocation(field: "sam@council.example"))
        #expect(throws: refusal) {
            try programme.database.mark(session: session, present: ["sam@council.example"], absent: ["SAM@council.example"], by: "officer")
        }
    }
}
