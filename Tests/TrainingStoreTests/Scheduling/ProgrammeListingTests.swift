import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// What a booker's programme page reads: the sessions still open to booking and the courses to filter by.
@Suite("The booker's programme")
struct ProgrammeListingTests {
    @Test func onlyScheduledSessionsStillToStartAreListedSoonestFirst() throws {
        let programme = try Programme()
        let later = try programme.fullDaySession()                 // 2 January 2026
        let sooner = try programme.halfDaySession()                // 17 November 2025
        let cancelled = try programme.halfDaySession()
        _ = try programme.database.cancelSession(cancelled, reason: .trainer, note: nil, by: "officer")
        #expect(try programme.database.upcomingSessions(after: at("2025-11-03 09:00")).map(\.session.id) == [sooner, later])
        #expect(try programme.database.upcomingSessions(after: at("2025-11-17 09:30")).map(\.session.id) == [later])
    }

    @Test func theCourseChoicesAreTheCoursesNotRetiredByLevelThenTitle() throws {
        let programme = try Programme()
        try programme.database.setCourseActive(title: Programme.module, active: false, by: "officer")
        #expect(try programme.database.activeCourseTitles()
                == [Programme.halfDay, Programme.needsPrerequisite, Programme.fullDay])
    }
}
