import Foundation
import TrainingCore
@testable import TrainingStore

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ london: String) { current = try! LondonTime.parse(london) }

    var now: Date { lock.withLock { current } }
    func set(_ london: String) { lock.withLock { current = try! LondonTime.parse(london) } }
    func set(instant: Date) { lock.withLock { current = instant } }
    var function: @Sendable () -> Date { { self.now } }
}

func at(_ london: String) -> Date { try! LondonTime.parse(london) }

/// A partnership with two agencies, four learners and a small catalogue, on Monday 3 November 2025.
struct Programme {
    let database: AppDatabase
    let clock: TestClock

    static let halfDay = "Introduction to Safeguarding"          // 3 hours
    static let fullDay = "Designated Safeguarding Lead"          // 6h30m
    static let needsPrerequisite = "Safeguarding Children Who experience Domestic Abuse"
    static let module = "Awareness of Domestic Abuse"

    init(database: AppDatabase? = nil, clock: TestClock = TestClock("2025-11-03 09:00")) throws {
        self.clock = clock
        self.database = try database ?? AppDatabase.inMemory(now: clock.function)
        var catalogue = [
            entry(course(Self.halfDay, capacity: 20)),
            entry(course(Self.module, delivery: .eLearning, capacity: 1, minimum: 0)),
            entry(course(Self.needsPrerequisite, level: .intermediate, prerequisites: [Self.module])),
        ]
        var full = course(Self.fullDay, level: .advanced)
        full.duration = CourseDuration(minutes: 390)!
        catalogue.append(entry(full))
        try self.database.importCatalogue(catalogue, by: "officer")
        try self.database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
        try self.database.addAgency(AgencyDetails(name: "Calderdale NHS", sector: .health), by: "officer")
        try self.database.addLearner(learner("Sam Patel", "sam@council.example"), by: "officer")
        try self.database.addLearner(learner("Jo Bloggs", "jo@council.example"), by: "officer")
        try self.database.addLearner(learner("Kim Lee", "kim@council.example"), by: "officer")
        try self.database.addLearner(learner("Ann Nurse", "ann@nhs.example", agency: "Calderdale NHS"), by: "officer")
    }

    /// A half-day session on Monday 17 November 2025, 09:30–12:30.
    func halfDaySession(capacity: Int = 20, perAgencyCap: Int? = nil, cutoff: Date? = nil) throws -> Int64 {
        try database.scheduleSession(SessionPlan(courseTitle: Self.halfDay, start: at("2025-11-17 09:30"), end: at("2025-11-17 12:30"),
                                                 venue: "Halifax Town Hall", trainer: "A. Trainer", capacity: capacity,
                                                 perAgencyCap: perAgencyCap, bookingCutoff: cutoff), by: "officer").id!
    }

    /// A full-day session on Friday 2 January 2026, 09:30–16:00.
    func fullDaySession() throws -> Int64 {
        try database.scheduleSession(SessionPlan(courseTitle: Self.fullDay, start: at("2026-01-02 09:30"), end: at("2026-01-02 16:00")),
                                     by: "officer").id!
    }
}
