import Foundation
import Testing
import TrainingCore

private func instant(_ london: String) -> Date { try! LondonTime.parse(london) }

private let course = CourseDefaults(title: "Introduction to Safeguarding", isActive: true, delivery: .faceToFace, capacity: 20, minimumNumbers: 6)

private func plan(start: String = "2025-11-17 09:30", end: String = "2025-11-17 12:30", capacity: Int? = nil, minimum: Int? = nil,
                  cap: Int? = nil, cutoff: String? = nil, delivery: DeliveryMode? = nil) -> SessionPlan {
    SessionPlan(courseTitle: course.title, start: instant(start), end: instant(end), delivery: delivery, capacity: capacity,
                minimumNumbers: minimum, perAgencyCap: cap, bookingCutoff: cutoff.map(instant))
}

@Suite("Scheduling rules")
struct SchedulingRuleTests {
    @Test func aSessionTakesTheCoursesPlacesMinimumAndDelivery() throws {
        #expect(try SchedulingRules.check(plan(), of: course, concerns: []) == CheckedPlan(delivery: .faceToFace, capacity: 20, minimumNumbers: 6))
    }

    @Test func thePlanOverridesTheCourseAndTheMinimumNeverExceedsThePlaces() throws {
        #expect(try SchedulingRules.check(plan(capacity: 4, delivery: .virtual), of: course, concerns: [])
                == CheckedPlan(delivery: .virtual, capacity: 4, minimumNumbers: 4))
    }

    @Test func aRetiredCourseCannotBeScheduled() {
        var retired = course
        retired.isActive = false
        #expect(throws: SchedulingRefusal.courseRetired(title: course.title)) { try SchedulingRules.check(plan(), of: retired, concerns: []) }
    }

    @Test("a session ends after it starts", arguments: ["2025-11-17 09:00", "2025-11-17 09:30"])
    func aSessionEndsAfterItStarts(end: String) {
        #expect(throws: SchedulingRefusal.endsBeforeStart(start: instant("2025-11-17 09:30"), end: instant(end))) {
            try SchedulingRules.check(plan(end: end), of: course, concerns: [])
        }
    }

    @Test func aConcernTheOfficerDidNotAcceptIsRefusedNamingIt() {
        let concerns = [SchedulingConcern.weekend(LocalDate(year: 2025, month: 11, day: 15)!)]
        #expect(throws: SchedulingRefusal.concerns(concerns)) { try SchedulingRules.check(plan(), of: course, concerns: concerns) }
    }

    @Test("the places, minimum numbers, fair-share cap and cut-off must make sense", arguments: [
        (plan(capacity: 0), SchedulingRefusal.capacityBelowOne),
        (plan(capacity: 5, minimum: 6), .minimumOutsideCapacity(minimum: 6, capacity: 5)),
        (plan(minimum: -1), .minimumOutsideCapacity(minimum: -1, capacity: 20)),
        (plan(cap: 0), .agencyCapBelowOne),
        (plan(cutoff: "2025-11-17 09:31"), .cutoffAfterStart),
    ])
    func aPlanThatMakesNoSenseIsRefused(plan: SessionPlan, refusal: SchedulingRefusal) {
        #expect(throws: refusal) { try SchedulingRules.check(plan, of: course, concerns: []) }
    }

    @Test func bookingsMayCloseAsTheSessionStarts() throws {
        #expect(try SchedulingRules.check(plan(cutoff: "2025-11-17 09:30"), of: course, concerns: []).capacity == 20)
    }

    @Test("each refusal names the part of the plan it is about", arguments: [
        (SchedulingRefusal.courseRetired(title: "Old course"), "the course 'Old course' is retired: sessions cannot be scheduled for it", "field 'course'"),
        (.endsBeforeStart(start: instant("2025-11-17 09:30"), end: instant("2025-11-17 09:00")),
         "the session ends (2025-11-17 09:00) before it starts (2025-11-17 09:30)", "field 'end'"),
        (.endsBeforeStart(start: instant("2025-11-17 09:30"), end: instant("2025-11-17 09:30")),
         "the session ends (2025-11-17 09:30) at the same time as it starts (2025-11-17 09:30)", "field 'end'"),
        (.concerns([.weekend(LocalDate(year: 2025, month: 11, day: 15)!), .inThePast(instant("2025-11-15 09:30"))]),
         "not scheduled: 2025-11-15 is a Saturday; it starts in the past (2025-11-15 09:30)", "field 'start'"),
        (.capacityBelowOne, "capacity must be at least 1", "field 'capacity'"),
        (.minimumOutsideCapacity(minimum: 6, capacity: 5), "minimum numbers (6) must be between 0 and the capacity (5)", "field 'minimum'"),
        (.agencyCapBelowOne, "a per-agency cap must be at least 1", "field 'agencyCap'"),
        (.cutoffAfterStart, "bookings cannot close after the session starts", "field 'cutoff'"),
    ])
    func message(refusal: SchedulingRefusal, expected: String, place: String) {
        #expect(refusal.localizedDescription == expected)
        #expect(refusal.location.description == place)
    }
}

@Suite("Session rules")
struct SessionRuleTests {
    @Test("only a scheduled session with nobody marked is cancelled", arguments: [
        (SessionStatus.cancelled, 0, SessionRefusal?.some(.alreadyCancelled(session: 3))),
        (.delivered, 0, .deliveredCannotBeCancelled(session: 3)),
        (.scheduled, 1, .tookPlace(session: 3, marked: 1)),
        (.scheduled, 0, nil),
    ])
    func onlyAScheduledUnmarkedSessionIsCancelled(status: SessionStatus, marked: Int, refusal: SessionRefusal?) {
        #expect(refusalOf { try SessionRules.checkCancellation(session: 3, status: status, marked: marked) } == refusal)
    }

    @Test("places change on a scheduled session, never below one or below those taken", arguments: [
        (5, SessionStatus.scheduled, 5, SessionRefusal?.none),
        (4, .scheduled, 5, .belowPlacesTaken(session: 3, taken: 5)),
        (0, .scheduled, 0, .belowPlacesTaken(session: 3, taken: 0)),
        (1, .scheduled, 0, nil),
        (30, .delivered, 5, .placesFixed(session: 3, status: .delivered)),
    ])
    func placesChangeWithinWhatIsTaken(capacity: Int, status: SessionStatus, taken: Int, refusal: SessionRefusal?) {
        #expect(refusalOf { try SessionRules.checkCapacity(capacity, session: 3, status: status, placesTaken: taken) } == refusal)
    }

    @Test func fewerPlacesLowerTheMinimumNumbersWithThem() {
        #expect(SessionRules.minimumNumbers(6, withCapacity: 4) == 4)
        #expect(SessionRules.minimumNumbers(6, withCapacity: 30) == 6)
    }

    @Test func aSessionIsDeliveredOnceStartedWithEveryPlaceMarked() {
        let start = instant("2025-11-17 09:30")
        let amy = UnmarkedPlace(booking: 9, learnerName: "Anonymised learner #1", learnerEmail: nil)
        func refusal(_ status: SessionStatus, _ now: String, _ unmarked: [UnmarkedPlace]) -> SessionRefusal? {
            refusalOf { try SessionRules.checkDelivery(session: 3, status: status, startsAt: start, unmarked: unmarked, at: instant(now)) }
        }
        #expect(refusal(.scheduled, "2025-11-17 09:30", []) == nil)
        #expect(refusal(.scheduled, "2025-11-17 09:29", []) == .notStarted(session: 3, startsAt: start))
        #expect(refusal(.scheduled, "2025-11-17 13:00", [amy]) == .registerIncomplete(unmarked: [amy]))
        #expect(refusal(.delivered, "2025-11-17 13:00", []) == .notScheduled(session: 3, status: .delivered))
    }

    @Test("each refusal says what stops it", arguments: [
        (SessionRefusal.alreadyCancelled(session: 3), "session 3 is already cancelled", "field 'session'"),
        (.deliveredCannotBeCancelled(session: 3), "session 3 has been delivered and cannot be cancelled", "field 'session'"),
        (.tookPlace(session: 3, marked: 1),
         "session 3 has 1 learner marked on its register, so it took place: it cannot be cancelled (correct the register instead)", "field 'session'"),
        (.placesFixed(session: 3, status: .cancelled), "session 3 is cancelled: its places can no longer change", "field 'session'"),
        (.belowPlacesTaken(session: 3, taken: 5),
         "session 3 already has 5 places taken: the capacity cannot go below that (cancel bookings first)", "field 'capacity'"),
        (.notScheduled(session: 3, status: .delivered), "session 3 is delivered, not scheduled", "field 'session'"),
        (.notStarted(session: 3, startsAt: instant("2025-11-17 09:30")), "session 3 has not started yet (2025-11-17 09:30)", "field 'session'"),
        (.registerIncomplete(unmarked: [UnmarkedPlace(booking: 8, learnerName: "Ann Nurse", learnerEmail: "ann@nhs.example"),
                                        UnmarkedPlace(booking: 9, learnerName: "Anonymised learner #1", learnerEmail: nil)]),
         "the register is not complete: 2 confirmed places are not marked (ann@nhs.example, Anonymised learner #1, booking 9)", "field 'session'"),
    ])
    func message(refusal: SessionRefusal, expected: String, place: String) {
        #expect(refusal.localizedDescription == expected)
        #expect(refusal.location.description == place)
    }
}

/// What a rule that throws a SessionRefusal threw, or nil.
private func refusalOf(_ rule: () throws -> Void) -> SessionRefusal? {
    do { try rule() } catch { return error as? SessionRefusal }
    return nil
}
