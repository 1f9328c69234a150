import Foundation
import GRDB
import TrainingCore

/// A course someone has done: their latest completion of it (a session attended, dated by its start in
/// Europe/London, or its e-learning completed) and, for a course with a refresher interval, when it falls
/// due again (`RefresherDue`).
public struct CourseRecord: Sendable, Hashable {
    public var courseId: Int64
    public var courseTitle: String
    public var level: CourseLevel
    public var lastDone: LocalDate
    /// Nil for a course with no refresher interval: done once is done.
    public var refresher: RefresherDue?

    /// Where the learner stands with the course on `today`; nil for a course with no refresher interval.
    public func state(on today: LocalDate) -> RefresherState? { refresher?.state(on: today) }
}

/// A member of an agency's staff and every course they have done, by level then title.
public struct StaffRecord: Sendable, Hashable {
    public var learnerId: Int64
    public var name: String
    public var email: String
    public var jobRole: String?
    public var agencyId: Int64
    public var agencyName: String
    public var courses: [CourseRecord]

    /// Where they stand on `today` across their courses: overdue if any is, else due soon if any is, else up
    /// to date; nil when none of their courses has a refresher interval.
    public func standing(on today: LocalDate) -> RefresherState? {
        let states = Set(courses.compactMap { $0.state(on: today) })
        return [.overdue, .dueSoon, .upToDate].first { states.contains($0) }
    }

    /// The course of theirs that falls due again first, if any has a refresher interval.
    public var nextDue: (course: CourseRecord, refresher: RefresherDue)? {
        courses.compactMap { course in course.refresher.map { (course, $0) } }
            .min { ($0.refresher.dueOn, $0.course.courseTitle) < ($1.refresher.dueOn, $1.course.courseTitle) }
    }
}

extension StoreReading {
    /// Every member of an agency's staff — nil: of every agency — by agency then name, each with every
    /// course they have done and when those with a refresher interval fall due again. A learner whose
    /// details were erased is no one's staff. History imported from a previous system counts as it happened.
    public func staffRecords(agencyId: Int64?) throws -> [StaffRecord] {
        try read { db in try AppDatabase.staffRecords(agencyId: agencyId, in: db) }
    }

    /// Every course one learner has done, by level then title (for the learner's own record).
    public func courseRecords(learnerId: Int64) throws -> [CourseRecord] {
        try read { db in try AppDatabase.courseRecords(of: SQLFilter("l.id = ?", [learnerId]), in: db)[learnerId] ?? [] }
    }
}

extension AppDatabase {
    /// The staff of an agency (nil: of every agency), as conditions on `learner l`: learners of that
    /// agency whose details were not erased.
    static func staff(ofAgency agencyId: Int64?) -> SQLFilter {
        var filter = SQLFilter("l.anonymisedAt IS NULL AND l.agencyId IS NOT NULL")
        if let agencyId { filter.add("l.agencyId = ?", [agencyId]) }
        return filter
    }

    static func staffRecords(agencyId: Int64?, in db: Database) throws -> [StaffRecord] {
        let filter = staff(ofAgency: agencyId)
        let records = try courseRecords(of: filter, in: db)
        return try Row.fetchAll(db, sql: """
            SELECT l.id, l.name, l.email, l.jobRole, l.agencyId, a.name AS agencyName
            FROM learner l JOIN agency a ON a.id = l.agencyId
            WHERE \(filter.clause) ORDER BY a.name COLLATE NOCASE, l.name COLLATE NOCASE, l.id
            """, arguments: filter.arguments).map { row in
            let id: Int64 = row["id"]
            return StaffRecord(learnerId: id, name: row["name"], email: row["email"] ?? "", jobRole: row["jobRole"],
                               agencyId: row["agencyId"], agencyName: row["agencyName"], courses: records[id] ?? [])
        }
    }

    /// The courses each learner chosen by `learners` (conditions on `learner l`) has done, by learner: each
    /// course once, from the latest completion (`CourseCompletion.latest`), by level then title.
    static func courseRecords(of learners: SQLFilter, in db: Database) throws -> [Int64: [CourseRecord]] {
        let completions = try Row.fetchAll(db, sql: """
            WITH chosen AS MATERIALIZED (SELECT l.id FROM learner l WHERE \(learners.clause))
            SELECT b.learnerId, s.courseId, MAX(s.startDate) AS doneOn
            FROM chosen c JOIN booking b ON b.learnerId = c.id AND b.status = 'attended' JOIN session s ON s.id = b.sessionId
            GROUP BY b.learnerId, s.courseId
            UNION ALL
            SELECT a.learnerId, a.courseId, MAX(a.completedOn)
            FROM chosen c JOIN licenceAllocation a ON a.learnerId = c.id AND a.status = 'completed' AND a.completedOn IS NOT NULL
            GROUP BY a.learnerId, a.courseId
            """, arguments: learners.arguments).map { row in
            CourseCompletion(learnerId: row["learnerId"], courseId: row["courseId"], doneOn: row["doneOn"])
        }
        guard !completions.isEmpty else { return [:] }
        let courses = try catalogueForRecords(db)
        var records: [Int64: [CourseRecord]] = [:]
        for completion in CourseCompletion.latest(completions) {
            guard let course = courses[completion.courseId] else { continue }
            records[completion.learnerId, default: []].append(CourseRecord(
                courseId: completion.courseId, courseTitle: course.title, level: course.level, lastDone: completion.doneOn,
                refresher: course.refresherMonths.map { RefresherDue(lastDone: completion.doneOn, refresherMonths: $0) }))
        }
        return records.mapValues { $0.sorted { ($0.level, $0.courseTitle.lowercased()) < ($1.level, $1.courseTitle.lowercased()) } }
    }

    /// Each course's title, level and refresher interval, by id.
    static func catalogueForRecords(_ db: Database) throws -> [Int64: (title: String, level: CourseLevel, refresherMonths: Int?)] {
        var courses: [Int64: (title: String, level: CourseLevel, refresherMonths: Int?)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, title, level, refresherMonths FROM course") {
            courses[row["id"]] = (row["title"], try row.word("level"), row["refresherMonths"])
        }
        return courses
    }
}
