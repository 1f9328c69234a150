import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Scheduling")
struct SchedulingTests {
    @Test func aSessionTakesTheCourseDefaultsAndItsLondonDate() throws {
        let programme = try Programme()
        let session = try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30")), by: "officer")
        #expect(session.capacity == 20)
        #expect(session.minimumNumbers == 6)
        #expect(session.delivery.rawValue == "face-to-face")
        #expect(session.startDate == LocalDate(year: 2025, month: 11, day: 17))
        #expect(session.minutes == 180)
    }

    @Test func aSessionCannotEndBeforeItStarts() throws {
        let programme = try Programme()
        let refusal = SchedulingRefusal.endsBeforeStart(start: at("2025-11-17 09:30"), end: at("2025-11-17 09:00"))
        #expect(refusal.localizedDescription == "the session ends (2025-11-17 09:00) before it starts (2025-11-17 09:30)")
        #expect(refusal.location == InputLocation(input: .end))
        #expect(throws: refusal) {
            try programme.database.scheduleSession(
                SessionPlan(courseTitle: Programme.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 09:00")), by: "officer")
        }
        #expect(try programme.database.count("session") == 0)
    }

    @Test func aRetiredCourseCannotBeScheduled() throws {
        let programme = try Programme()
        var retired = course("Old course")
        retired.isActive = false
        try programme.database.importCatalogue([entry(retired)], by: "officer")
        let refusal = SchedulingRefusal.courseRetired(title: "Old course")
        #expect(refusal.localizedDescription == "the course 'Old course' is retired: sessions cannot be scheduled for it")
        #expect(refusal.location == InputLocation(field: "course"))
        #expect(throws: refusal) {
            try programme.database.scheduleSession(
                SessionPlan(courseTitle: "Old course", start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30")), by: "officer")
        }
    }

    @Test func sessionsAreListedByFinancialYearOfTheirStart() throws {
        let programme = try Programme()
        try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2026-03-31 09:30"), end: at("2026-03-31 12:30")), by: "officer")
        try programme.database.scheduleSession(
            SessionPlan(courseTitle: Programme.halfDay, start: at("2026-04-01 09:30"), end: at("2026-04-01 12:30")), by: "officer")
        #expect(try programme.database.sessions(year: FinancialYear(startYear: 2025)).map(\.session.startDate.description) == ["2026-03-31"])
        #expect(try programme.database.sessions(year: FinancialYear(startYear: 2026)).map(\.session.startDate.description) == ["2026-04-01"])
    }
}
