import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("A learner's own place, from the link in their messages")
struct OwnPlaceTests {
    /// The link the first message to `email` would carry, made as delivery makes it.
    func link(for email: String, in programme: Programme) throws -> String {
        let prepared = try programme.database.messagesDue(limit: 100)
        let message = try #require(prepared.first { $0.message.recipientAddress == email })
        let link = try #require(message.facts.manageLink)
        return String(try #require(link.split(separator: "/").last))
    }

    @Test func theLinkOpensTheLearnersOwnPlaceAndNoOtherToken() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let token = try link(for: "sam@council.example", in: programme)
        let place = try programme.database.ownPlace(token: token)
        #expect(place.learnerName == "Sam Patel")
        #expect(place.status == .confirmed)
        // Monday 3 to Monday 17 November: 4–7 and 10–14 November are the working days between.
        #expect(place.terms.notice == 9)
        #expect(throws: PlaceLinkError.unknown) { try programme.database.ownPlace(token: token + "x") }
    }

    @Test func beforeTheCutoffTheLearnerCancelsAsABookerWouldWithNoCharge() throws {
        let programme = try mailingProgramme(clock: TestClock("2025-10-30 09:00"))
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let token = try link(for: "sam@council.example", in: programme)
        let outcome = try programme.database.cancelOwnPlace(token: token, reason: "on leave")
        #expect(outcome.booking.status == .cancelled)
        #expect(outcome.booking.cancelledBy == "learner (own link)")
        #expect(outcome.charge == nil)
        // The link no longer opens a place that is cancelled.
        #expect(throws: PlaceLinkError.expired) { try programme.database.ownPlace(token: token) }
    }

    @Test func afterTheCutoffTheLearnerIsToldToAskTheirBookerAndNothingChanges() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let token = try link(for: "sam@council.example", in: programme)
        // Nine working days' notice against the policy's ten: a cancellation now would be charged.
        let place = try programme.database.ownPlace(token: token)
        #expect(!place.learnerMayCancel)
        #expect(place.terms.charge?.amount == Pence(2500))
        #expect(throws: PlaceLinkError.askYourBooker) { try programme.database.cancelOwnPlace(token: token, reason: nil) }
        #expect(try programme.database.ownPlace(token: token).status == .confirmed)
    }

    @Test func theLinkStopsWorkingWhenTheSessionStarts() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        let token = try link(for: "sam@council.example", in: programme)
        programme.clock.set("2025-11-17 09:30")
        #expect(throws: PlaceLinkError.expired) { try programme.database.ownPlace(token: token) }
    }
}
