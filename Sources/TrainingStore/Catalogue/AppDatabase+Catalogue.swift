import Foundation
import GRDB
import TrainingCore

/// What a catalogue import did, course by course.
public struct CatalogueImportSummary: Sendable, Equatable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
}

/// A course of the catalogue with everything about it, as a course is shown whole.
public struct CourseDetails: Sendable, Equatable {
    public var id: Int64
    public var definition: CourseDefinition
}

extension AppDatabase {
    /// Loads catalogue entries: adds the new courses, updates those whose details changed (matched by title,
    /// ignoring case) and leaves the rest alone, so importing the same files twice changes nothing.
    /// Courses in the database but not in the files are kept: sessions and history refer to them.
    ///
    /// Refuses — changing nothing — two entries with the same title, a prerequisite that names no course,
    /// and prerequisites that go round in a circle.
    @discardableResult
    public func importCatalogue(_ entries: [CatalogueEntry], by actor: String) throws -> CatalogueImportSummary {
        try write { db in try Self.importCatalogue(entries, by: actor, at: now(), in: db) }
    }

    /// Adds one new course, refusing — changing nothing — a title the catalogue already holds (any case),
    /// so adding never overwrites a course the way an import updates one.
    @discardableResult
    public func addCourse(_ entry: CatalogueEntry, by actor: String) throws -> CourseDetails {
        try write { db in
            let title = entry.definition.title.trimmingCharacters(in: .whitespaces)
            if let existing = try String.fetchOne(db, sql: "SELECT title FROM course WHERE title = ?", arguments: [title]) {
                throw InputError("the catalogue already has a course titled '\(existing)'", at: entry.location("title"))
            }
            try Self.importCatalogue([entry], by: actor, at: now(), in: db)
            let course = try Self.course(titled: title, in: db)
            return CourseDetails(id: try course.storedID, definition: try Self.definition(of: course, in: db))
        }
    }

    /// Retires a course (it can no longer be scheduled; its history stays) or reinstates it, audited.
    public func setCourseActive(title: String, active: Bool, by actor: String) throws {
        try write { db in
            var course = try Self.course(titled: title, in: db)
            guard course.isActive != active else {
                throw active ? CatalogueRefusal.alreadyActive(title: course.title) : CatalogueRefusal.alreadyRetired(title: course.title)
            }
            let before = course
            course.isActive = active
            course.updatedAt = now()
            try course.update(db)
            try db.audit(active ? .courseReinstated : .courseRetired, entity: .course, id: course.storedID, actor: actor,
                         at: course.updatedAt, before: ["active": before.isActive], after: ["active": course.isActive])
        }
    }

    /// The import itself, inside the caller's transaction.
    @discardableResult
    static func importCatalogue(_ entries: [CatalogueEntry], by actor: String, at instant: Date, in db: Database) throws -> CatalogueImportSummary {
        var seen: [String: CatalogueEntry] = [:]
        for entry in entries {
            try entry.definition.validate(locating: entry.location)
            let key = entry.definition.title.lowercased()
            if let first = seen[key] {
                throw InputError("the course '\(entry.definition.title)' is already defined at \(first.location("title"))",
                                 at: entry.location("title"))
            }
            seen[key] = entry
        }

        var summary = CatalogueImportSummary()
        var ids: [String: Int64] = [:]
        for entry in entries {
            let wanted = entry.definition
            if var existing = try Course.filter(Course.Columns.title == wanted.title).fetchOne(db) {
                let before = try Self.definition(of: existing, in: db)
                let courseId = try existing.storedID
                ids[wanted.title.lowercased()] = courseId
                var comparable = wanted
                comparable.prerequisites = before.prerequisites  // compared after they are resolved, below
                if comparable == before {
                    summary.unchanged.append(wanted.title)
                    continue
                }
                existing.apply(wanted, at: instant)
                try existing.update(db)
                try Self.replaceOutcomes(of: courseId, with: wanted.outcomes, in: db)
                try db.audit(.courseUpdated, entity: .course, id: courseId, actor: actor, at: instant,
                             before: before, after: wanted)
                summary.updated.append(wanted.title)
            } else {
                var course = Course(id: nil, title: wanted.title, level: wanted.level, delivery: wanted.delivery, durationMinutes: 0,
                                    defaultCapacity: 0, minimumNumbers: 0, summary: "", isActive: true,
                                    createdAt: instant, updatedAt: instant)
                course.apply(wanted, at: instant)
                try course.insert(db)
                ids[wanted.title.lowercased()] = try course.storedID
                try Self.replaceOutcomes(of: course.storedID, with: wanted.outcomes, in: db)
                try db.audit(.courseAdded, entity: .course, id: course.storedID, actor: actor, at: instant,
                             before: CourseDefinition?.none, after: wanted)
                summary.added.append(wanted.title)
            }
        }

        // Prerequisites, now that every course in the files exists.
        for entry in entries {
            // The loop above gave every entry its course's id.
            let courseId = ids[entry.definition.title.lowercased()]!
            var prerequisiteIds: [Int64] = []
            for title in entry.definition.prerequisites {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM course WHERE title = ?", arguments: [title]) else {
                    throw InputError("unknown prerequisite '\(title)': no course has that title in the catalogue files or the database",
                                     at: entry.location("prerequisites"))
                }
                prerequisiteIds.append(id)
            }
            let current = try Int64.fetchSet(db, sql: "SELECT prerequisiteId FROM coursePrerequisite WHERE courseId = ?",
                                             arguments: [courseId])
            guard current != Set(prerequisiteIds) else { continue }
            try db.execute(sql: "DELETE FROM coursePrerequisite WHERE courseId = ?", arguments: [courseId])
            for id in Set(prerequisiteIds) {
                try db.execute(sql: "INSERT INTO coursePrerequisite (courseId, prerequisiteId) VALUES (?, ?)",
                               arguments: [courseId, id])
            }
            let title = entry.definition.title
            if !summary.added.contains(title) && !summary.updated.contains(title) {
                summary.unchanged.removeAll { $0 == title }
                summary.updated.append(title)
                try db.audit(.coursePrerequisitesChanged, entity: .course, id: courseId, actor: actor, at: instant,
                             before: ["prerequisites": current.sorted()], after: ["prerequisites": Set(prerequisiteIds).sorted()])
            }
        }

        let graph = try Self.prerequisiteGraph(in: db)
        if let cycle = CatalogueRules.prerequisiteCycle(in: graph) {
            let culprit = entries.first { cycle.contains($0.definition.title.lowercased()) }
            let names = try cycle.map { key in
                try String.fetchOne(db, sql: "SELECT title FROM course WHERE title = ?", arguments: [key]) ?? key
            }
            throw InputError("prerequisites go round in a circle: \(names.joined(separator: " → ")); no course on it could ever be booked",
                             at: culprit?.location("prerequisites") ?? InputLocation())
        }
        return summary
    }

    /// The course with this title (ignoring case), or `CatalogueRefusal.unknownCourse`.
    static func course(titled title: String, in db: Database) throws -> Course {
        guard let course = try course(titledIfAny: title, in: db) else { throw CatalogueRefusal.unknownCourse(title: title, near: []) }
        return course
    }

    static func course(titledIfAny title: String, in db: Database) throws -> Course? {
        try Course.filter(Course.Columns.title == title.trimmingCharacters(in: .whitespaces)).fetchOne(db)
    }

    static func definition(of course: Course, in db: Database) throws -> CourseDefinition {
        let outcomes = try String.fetchAll(db, sql: "SELECT text FROM courseOutcome WHERE courseId = ? ORDER BY position",
                                           arguments: [course.id])
        let prerequisites = try String.fetchAll(db, sql: """
            SELECT c.title FROM coursePrerequisite p JOIN course c ON c.id = p.prerequisiteId
            WHERE p.courseId = ? ORDER BY c.title
            """, arguments: [course.id])
        guard let duration = CourseDuration(minutes: course.durationMinutes) else {
            throw UnknownStoredWord(column: "durationMinutes", word: String(course.durationMinutes))
        }
        return CourseDefinition(
            title: course.title,
            level: course.level,
            delivery: course.delivery,
            duration: duration,
            capacity: course.defaultCapacity,
            minimumNumbers: course.minimumNumbers,
            refresherMonths: course.refresherMonths,
            prerequisites: prerequisites,
            isActive: course.isActive,
            summary: course.summary,
            outcomes: outcomes)
    }

    static func replaceOutcomes(of courseId: Int64, with outcomes: [String], in db: Database) throws {
        try db.execute(sql: "DELETE FROM courseOutcome WHERE courseId = ?", arguments: [courseId])
        for (index, text) in outcomes.enumerated() {
            try db.execute(sql: "INSERT INTO courseOutcome (courseId, position, text) VALUES (?, ?, ?)",
                           arguments: [courseId, index + 1, text])
        }
    }

    /// Lower-cased title → lower-cased titles of its prerequisites, for the whole catalogue.
    static func prerequisiteGraph(in db: Database) throws -> [String: [String]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT lower(c.title) AS course, lower(p.title) AS prerequisite
            FROM coursePrerequisite cp JOIN course c ON c.id = cp.courseId JOIN course p ON p.id = cp.prerequisiteId
            """)
        var graph: [String: [String]] = [:]
        for row in rows { graph[row["course"], default: []].append(row["prerequisite"]) }
        return graph
    }
}

extension Course {
    mutating func apply(_ definition: CourseDefinition, at instant: Date) {
        title = definition.title
        level = definition.level
        delivery = definition.delivery
        durationMinutes = definition.duration.minutes
        defaultCapacity = definition.capacity
        minimumNumbers = definition.minimumNumbers
        refresherMonths = definition.refresherMonths
        summary = definition.summary
        isActive = definition.isActive
        updatedAt = instant
    }
}

extension StoreReading {
    /// The catalogue, ordered by level (foundation, intermediate, advanced) then title.
    public func courses(level: CourseLevel? = nil, includeRetired: Bool = true) throws -> [CourseDetails] {
        try read { db in
            var request = Course.all()
            if let level { request = request.filter(Course.Columns.level == level.rawValue) }
            if !includeRetired { request = request.filter(Column("isActive") == true) }
            let courses = try request.fetchAll(db)
            return try courses
                .map { CourseDetails(id: try $0.storedID, definition: try AppDatabase.definition(of: $0, in: db)) }
                .sorted { ($0.definition.level, $0.definition.title.lowercased()) < ($1.definition.level, $1.definition.title.lowercased()) }
        }
    }

    /// One course by title (ignoring case), or a refusal that suggests near titles: up to five that hold a
    /// word of more than three letters of the title asked for.
    public func course(titled title: String) throws -> CourseDetails {
        try read { db in
            if let course = try AppDatabase.course(titledIfAny: title, in: db) {
                return CourseDetails(id: try course.storedID, definition: try AppDatabase.definition(of: course, in: db))
            }
            let words = title.lowercased().split(separator: " ").filter { $0.count > 3 }
            let titles = try String.fetchAll(db, sql: "SELECT title FROM course ORDER BY title")
            let near = titles.filter { candidate in words.contains { candidate.lowercased().contains($0) } }.prefix(5)
            throw CatalogueRefusal.unknownCourse(title: title, near: Array(near))
        }
    }
}
