import Foundation
import GRDB
import TrainingCore

/// A member of staff whose refresher of a course is due soon or overdue, and the place they already hold
/// on a coming session of it, if any.
public struct RefresherDueLine: Sendable, Hashable {
    public var staff: StaffRecord
    public var course: CourseRecord
    public var refresher: RefresherDue
    public var state: RefresherState
    /// A confirmed or waiting place on a session of the course still to come.
    public var place: UpcomingPlace?
}

/// A place held on a session still to come.
public struct UpcomingPlace: Sendable, Hashable {
    public var sessionId: Int64
    public var startsAt: Date
    public var endsAt: Date
    public var status: BookingStatus
}

/// Who is due for a refresher on a day, and the sessions open for booking on each of their courses.
public struct RefreshersDue: Sendable, Equatable {
    public var today: LocalDate
    /// Soonest due first (the longest overdue at the top), then by name.
    public var lines: [RefresherDueLine]
    /// By course: its sessions still scheduled and before their booking cut-off, soonest first.
    public var openSessions: [Int64: [SessionSummary]]
}

/// How many of an agency's staff stand where with their refreshers on a day (`StaffRecord.standing`).
public struct AgencyRefresherStanding: Sendable, Hashable {
    public var agencyId: Int64
    public var agencyName: String
    public var staff: Int
    /// Staff with a course due within the next 90 days and none overdue.
    public var dueSoon: Int
    /// Staff with a course overdue.
    public var overdue: Int
}

extension StoreReading {
    /// Every agency, by name, with how many of its staff have a refresher due soon or overdue today.
    public func refresherStandingByAgency() throws -> [AgencyRefresherStanding] {
        let today = self.today
        return try read { db in
            let staff = Dictionary(grouping: try AppDatabase.staffRecords(agencyId: nil, in: db), by: \.agencyId)
            return try Row.fetchAll(db, sql: "SELECT id, name FROM agency ORDER BY name COLLATE NOCASE, id").map { row in
                let people = staff[row["id"]] ?? []
                func count(_ state: RefresherState) -> Int { people.filter { $0.standing(on: today) == state }.count }
                return AgencyRefresherStanding(agencyId: row["id"], agencyName: row["name"], staff: people.count,
                                               dueSoon: count(.dueSoon), overdue: count(.overdue))
            }
        }
    }

    /// The staff of an agency (nil: of every agency) whose refresher of a course falls due within the next
    /// `RefresherDue.dueSoonDays` days or is overdue today, with the open sessions of those courses
    /// (scheduled, not started, not past their booking cut-off) and any place each already holds on one.
    public func refreshersDue(agencyId: Int64?) throws -> RefreshersDue {
        let instant = now()
        let today = LondonTime.date(of: instant)
        return try read { db in
            var lines: [RefresherDueLine] = []
            for staff in try AppDatabase.staffRecords(agencyId: agencyId, in: db) {
                for course in staff.courses {
                    guard let refresher = course.refresher, case let state = refresher.state(on: today), state.isDue else { continue }
                    lines.append(RefresherDueLine(staff: staff, course: course, refresher: refresher, state: state))
                }
            }
            lines.sort { ($0.refresher.dueOn, $0.staff.name.lowercased(), $0.course.courseTitle) < ($1.refresher.dueOn, $1.staff.name.lowercased(), $1.course.courseTitle) }
            let places = lines.isEmpty ? [:] : try AppDatabase.upcomingPlaces(of: AppDatabase.staff(ofAgency: agencyId), after: instant, in: db)
            for index in lines.indices {
                lines[index].place = places[LearnerAndCourse(learnerId: lines[index].staff.learnerId, courseId: lines[index].course.courseId)]
            }
            return RefreshersDue(today: today, lines: lines,
                                 openSessions: try AppDatabase.openSessions(courses: Set(lines.map(\.course.courseId)), at: instant, in: db))
        }
    }
}

/// A learner and a course.
struct LearnerAndCourse: Hashable {
    var learnerId: Int64
    var courseId: Int64
}

extension AppDatabase {
    /// The sessions of these courses still open for booking at `instant`, by course, soonest first: scheduled,
    /// not started, and not past the booking cut-off (the cut-off instant itself is open, as `BookingWindow`).
    static func openSessions(courses: Set<Int64>, at instant: Date, in db: Database) throws -> [Int64: [SessionSummary]] {
        guard !courses.isEmpty else { return [:] }
        let marks = courses.map { _ in "?" }.joined(separator: ", ")
        let open = try summaries(db, SQLFilter("""
            s.status = 'scheduled' AND s.startsAt > ? AND (s.bookingCutoffAt IS NULL OR s.bookingCutoffAt >= ?) AND s.courseId IN (\(marks))
            """, StatementArguments([StoredInstant(instant), StoredInstant(instant)]) + StatementArguments(Array(courses))))
        return Dictionary(grouping: open, by: \.session.courseId)
    }

    /// The first confirmed or waiting place each learner chosen by `learners` (conditions on `learner l`)
    /// holds on a coming session of each course.
    static func upcomingPlaces(of learners: SQLFilter, after instant: Date, in db: Database) throws -> [LearnerAndCourse: UpcomingPlace] {
        var places: [LearnerAndCourse: UpcomingPlace] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT b.learnerId, b.status, s.id AS sessionId, s.courseId, s.startsAt, s.endsAt
            FROM learner l JOIN booking b ON b.learnerId = l.id JOIN session s ON s.id = b.sessionId
            WHERE \(learners.clause) AND b.status IN ('confirmed', 'waitlisted') AND s.status = 'scheduled' AND s.startsAt > ?
            ORDER BY s.startsAt DESC, s.id DESC
            """, arguments: learners.arguments + [StoredInstant(instant)]) {
            places[LearnerAndCourse(learnerId: row["learnerId"], courseId: row["courseId"])] = UpcomingPlace(
                sessionId: row["sessionId"], startsAt: row["startsAt"], endsAt: row["endsAt"], status: try row.word("status"))
        }
        return places
    }
}
