import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Booking and the waiting list")
struct BookingTests {
    @Test func placesAreConfirmedUntilFullThenTheWaitingListFillsInOrder() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 2)
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").placed == .confirmed)
        #expect(try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker").placed == .confirmed)
        let third = try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker")
        #expect(third.placed == .waitlisted)
        #expect(third.waitingPosition == 0)
        let fourth = try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "booker")
        #expect(fourth.waitingPosition == 1)
        let details = try programme.database.sessionDetails(session)
        #expect(details.summary.placesLeft == 0)
        #expect(details.waitingList.map(\.learnerName) == ["Kim Lee", "Ann Nurse"])
    }

    @Test func aSecondBookingOfTheSameLearnerIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        #expect(throws: BookingRefusal.alreadyBooked(learner: "Sam Patel", status: .confirmed)) {
            try programme.database.book(session: session, learnerEmail: "SAM@council.example", by: "booker")
        }
        #expect(BookingRefusal.alreadyBooked(learner: "Sam Patel", status: .confirmed).localizedDescription
                == "Sam Patel already has a place on this session (confirmed)")
    }

    @Test func aBookingAfterTheCutoffIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(cutoff: at("2025-11-10 17:00"))
        programme.clock.set("2025-11-10 17:01")
        #expect(throws: BookingRefusal.afterCutoff(cutoff: at("2025-11-10 17:00"))) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
        #expect(try programme.database.count("booking") == 0)
    }

    @Test func aBookingOnACancelledSessionIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        try programme.database.cancelSession(session, reason: .lowNumbers, note: nil, by: "officer")
        #expect(throws: BookingRefusal.sessionCancelled) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
    }

    @Test func aBookingOnAPastSessionIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        programme.clock.set("2025-11-17 09:30")
        #expect(throws: BookingRefusal.sessionStarted) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
    }

    @Test func aLearnerWithoutThePrerequisiteIsRefusedUnlessTheOfficerOverrides() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.needsPrerequisite, start: at("2025-11-20 09:30"), end: at("2025-11-20 12:30")), by: "officer").id!
        #expect(throws: BookingRefusal.missingPrerequisites(["Awareness of Domestic Abuse"])) {
            try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        }
        let outcome = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "officer", overridePrerequisites: true)
        #expect(outcome.placed == .confirmed)
        #expect(try programme.database.auditLog().contains { $0.action == .prerequisitesOverridden })
    }

    @Test func aCompletedELearningModuleCountsAsThePrerequisite() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.needsPrerequisite, start: at("2025-11-20 09:30"), end: at("2025-11-20 12:30")), by: "officer").id!
        try programme.database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO licenceAllocation (learnerId, courseId, status, allocatedOn, completedOn)
                SELECT l.id, c.id, 'completed', '2025-06-01', '2025-06-20' FROM learner l, course c
                WHERE l.email = 'sam@council.example' AND c.title = 'Awareness of Domestic Abuse'
                """)
        }
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").placed == .confirmed)
    }

    @Test func anAgencyOverItsFairShareGoesToTheWaitingListWhileOthersStillGetPlaces() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 3, perAgencyCap: 1)
        #expect(try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "b").placed == .confirmed)
        #expect(try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "b").placed == .waitlisted)
        #expect(try programme.database.book(session: session, learnerEmail: "ann@nhs.example", by: "b").placed == .confirmed)
    }

    @Test func aFreedPlaceGoesToTheFirstWaitingLearnerAndTheirBookerIsTold() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        let first = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker-a")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker-b")
        try programme.database.book(session: session, learnerEmail: "kim@council.example", by: "booker-c")
        let outcome = try programme.database.cancelBooking(first.booking.id!, by: "booker-a")
        #expect(outcome.promoted?.learnerName == "Jo Bloggs")
        #expect(try programme.database.sessionDetails(session).places.map(\.learnerName) == ["Jo Bloggs"])
        #expect(try programme.database.waitingList(session: session).map(\.learnerName) == ["Kim Lee"])
        let notice = try #require(try programme.database.notifications().last)
        #expect(notice.recipient == "booker-b")
        #expect(notice.kind.rawValue == "promoted-from-waitlist")
        #expect(notice.message == "Jo Bloggs has moved from the waiting list to a confirmed place on Introduction to Safeguarding, 2025-11-17 09:30.")
    }

    @Test func morePlacesGoToTheWaitingLearnersInOrder() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 1)
        for email in ["sam@council.example", "jo@council.example", "kim@council.example", "ann@nhs.example"] {
            try programme.database.book(session: session, learnerEmail: email, by: "booker")
        }
        let promoted = try programme.database.setCapacity(of: session, to: 3, by: "officer")
        #expect(promoted.map(\.learnerName) == ["Jo Bloggs", "Kim Lee"])
        #expect(try programme.database.waitingList(session: session).map(\.learnerName) == ["Ann Nurse"])
        #expect(try programme.database.notifications().map(\.kind.rawValue) == ["promoted-from-waitlist", "promoted-from-waitlist"])
    }

    @Test func capacityCannotGoBelowThePlacesTaken() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession(capacity: 3)
        try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker")
        try programme.database.book(session: session, learnerEmail: "jo@council.example", by: "booker")
        let refusal = SessionRefusal.belowPlacesTaken(session: session, taken: 2)
        #expect(throws: refusal) {
            try programme.database.setCapacity(of: session, to: 1, by: "officer")
        }
        #expect(refusal.localizedDescription == "session \(session) already has 2 places taken: the capacity cannot go below that (cancel bookings first)")
        #expect(refusal.location == InputLocation(field: "capacity"))
    }

    @Test func substitutionFromTheSameAgencyIsFreeAndKeepsTheHistory() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-17 08:00")
        try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        #expect(try programme.database.sessionDetails(session).places.map(\.learnerName) == ["Jo Bloggs"])
        #expect(try programme.database.count("charge") == 0)
        let history = try programme.database.bookingHistory(booking.id!)
        #expect(history.map(\.kind.rawValue) == ["booked", "substituted"])
        #expect(history[1].detail == "Sam Patel replaced by Jo Bloggs by booker")
    }

    @Test func aSubstituteFromAnotherAgencyIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        let refusal = SubstitutionRefusal.notSameAgency(substitute: "Ann Nurse", agency: "Calderdale Council")
        #expect(throws: refusal) {
            try programme.database.substitute(booking: booking.id!, with: "ann@nhs.example", by: "booker")
        }
        #expect(refusal.localizedDescription == "Ann Nurse is not at Calderdale Council: a substitute must come from the same agency")
        #expect(refusal.location == InputLocation(field: "learner"))
    }

    @Test func aSubstitutionAfterTheStartIsRefused() throws {
        let programme = try Programme()
        let session = try programme.halfDaySession()
        let booking = try programme.database.book(session: session, learnerEmail: "sam@council.example", by: "booker").booking
        programme.clock.set("2025-11-17 09:31")
        let refusal = SubstitutionRefusal.sessionStartedOrClosed(session: session)
        #expect(throws: refusal) {
            try programme.database.substitute(booking: booking.id!, with: "jo@council.example", by: "booker")
        }
        #expect(refusal.localizedDescription == "session \(session) has started or closed: substitutions are accepted up to the start")
        #expect(refusal.location == InputLocation(field: "booking"))
    }
}
