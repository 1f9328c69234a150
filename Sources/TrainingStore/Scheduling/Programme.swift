import Foundation
import GRDB
import TrainingCore

extension StoreReading {
    /// The sessions a booker's programme lists: scheduled and starting after `instant`, soonest first.
    /// Only these are read, however many sessions the years before hold.
    public func upcomingSessions(after instant: Date) throws -> [SessionSummary] {
        try read { db in
            try AppDatabase.summaries(db, SQLFilter("s.status = ? AND s.startsAt > ?", [SessionStatus.scheduled.rawValue, StoredInstant(instant)]))
        }
    }

    /// The titles of the courses not retired, in the catalogue's order (by level, then title, ignoring case):
    /// the choices of the programme's course filter, read without each course's outcomes and prerequisites.
    public func activeCourseTitles() throws -> [String] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT title, level FROM course WHERE isActive"))
                .map { row -> (level: CourseLevel, title: String) in (try row.word("level"), row["title"]) }
                .sorted { ($0.level, $0.title.lowercased()) < ($1.level, $1.title.lowercased()) }
                .map(\.title)
        }
    }
}
