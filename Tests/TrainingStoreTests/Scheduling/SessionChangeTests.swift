import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Moving a session or changing its venue")
struct SessionChangeTests {
    @Test func aNewStartOnItsOwnKeepsTheSessionsLength() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let changed = try programme.database.changeSession(session, SessionChange(start: at("2025-11-18 13:30")), by: "officer")
        #expect(changed.startsAt == at("2025-11-18 13:30"))
        #expect(changed.endsAt == at("2025-11-18 16:30"))
        #expect(changed.startDate == LocalDate(year: 2025, month: 11, day: 18))
    }

    @Test func everyoneHoldingAPlaceIsSentTheChangedEventAndWhatChanged() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession(capacity: 1)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        try programme.database.changeSession(session, SessionChange(venue: "Halifax Library, Room 1"), by: "officer")
        let changed = try programme.database.outbox().filter { $0.kind == .sessionChanged }
        #expect(changed.map(\.recipientAddress) == ["sam@council.example", "jo@council.example"])
        // The confirmed place's event replaces the first (sequence 1); the waiting place has no event.
        #expect(changed.map(\.calendarSequence) == [1, nil])
        #expect(changed.first?.facts?.venue == "Halifax Library, Room 1")
        #expect(changed.first?.facts?.reason == "it is now at Halifax Library, Room 1")
    }

    @Test func theDownloadedEventAfterAChangeIsNoOlderThanTheOneEmailed() throws {
        let programme = try mailingProgramme()
        let session = try programme.halfDaySession()
        let booking = try #require(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking.id)
        #expect(try programme.database.calendarEvent(booking: booking).sequence == 0)
        try programme.database.changeSession(session, SessionChange(start: at("2025-11-18 13:30")), by: "officer")
        // The change emailed sequence 1 with no change to the booking itself: the download says 1, at the new time.
        let event = try programme.database.calendarEvent(booking: booking)
        #expect(event.sequence == 1)
        #expect(event.start == at("2025-11-18 13:30"))
    }

    @Test func aSessionThatHasStartedCannotBeMoved() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        programme.clock.set("2025-11-17 10:00")
        #expect(throws: SessionRefusal.alreadyStarted(session: session, startsAt: at("2025-11-17 09:30"))) {
            try programme.database.changeSession(session, SessionChange(start: at("2025-11-20 09:30")), by: "officer")
        }
    }

    @Test func aSessionCannotBeMovedIntoThePastOrToEndBeforeItStarts() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        #expect(throws: SessionRefusal.changedTimesImpossible(session: session)) {
            try programme.database.changeSession(session, SessionChange(start: at("2025-11-01 09:30")), by: "officer")
        }
        #expect(throws: SessionRefusal.changedTimesImpossible(session: session)) {
            try programme.database.changeSession(session, SessionChange(end: at("2025-11-17 09:00")), by: "officer")
        }
    }
}
