import Foundation
import GRDB
import TrainingCore

/// What a history import added and what it found already there.
public struct HistoryImportSummary: Sendable, Equatable {
    public var coursesAdded = 0
    public var agenciesAdded = 0
    public var learnersAdded = 0
    public var sessionsAdded = 0
    public var sessionsUnchanged = 0
    public var bookingsAdded = 0
    public var bookingsUnchanged = 0
    public var allocationsAdded = 0
    public var allocationsUnchanged = 0
    public var evaluationsAdded = 0
    public var evaluationsUnchanged = 0
}

extension AppDatabase {
    /// Brings a partnership's history in, all of it in one transaction: any problem anywhere — the lines
    /// the reader could not use (`history.problems`) or those found here across files — and nothing is
    /// imported, with every bad line reported. History rows are facts: a session's delivery may differ from
    /// its course's, capacity is not enforced on the past, e-learning needs no licence pool, and no charge is
    /// invented. Courses, agencies and learners not yet known are added. Importing the same files again
    /// changes nothing: sessions match by reference, bookings by session, learner and booking time,
    /// e-learning by learner, module and day of allocation. `progress`, if given, is told the fraction of rows
    /// (sessions, bookings, e-learning and evaluations together) gone through, every thousand rows and at the
    /// end; it is called inside the transaction, which still commits or rolls back as a whole.
    @discardableResult
    public func importHistory(_ history: HistoryImport, by actor: String,
                              progress: ((Double) -> Void)? = nil) throws -> HistoryImportSummary {
        try write { db in
            var importer = try HistoryImporter(db: db, now: now(), history: history, progress: progress)
            try importer.run()
            let problems = history.problems + importer.problems
            guard problems.isEmpty else { throw InputProblems(problems) }
            try db.audit("history imported", entity: "history", id: nil, actor: actor, at: now(),
                         before: [String: Int]?.none, after: importer.summary.auditValues)
            return importer.summary
        }
    }
}

extension HistoryImportSummary {
    var auditValues: [String: Int] {
        ["coursesAdded": coursesAdded, "agenciesAdded": agenciesAdded, "learnersAdded": learnersAdded, "sessionsAdded": sessionsAdded,
         "bookingsAdded": bookingsAdded, "allocationsAdded": allocationsAdded, "evaluationsAdded": evaluationsAdded]
    }
}

/// The work of one history import, with lookups held in memory so a large file costs one pass.
struct HistoryImporter {
    let db: Database
    let now: Date
    let history: HistoryImport
    var summary = HistoryImportSummary()
    var problems: [InputError] = []
    var courses: [String: (id: Int64, minutes: Int, capacity: Int)] = [:]
    var agencies: [String: Int64] = [:]
    var learners: [String: Int64] = [:]
    var sessions: [String: (id: Int64, date: LocalDate)] = [:]
    /// The evaluations that can be matched: those of a session that could not be read are reported there instead.
    let matchableEvaluations: [HistoricalEvaluation]
    /// Every row gone through, of every file, for the caller's progress.
    var rowsDone: ProgressCounter

    init(db: Database, now: Date, history: HistoryImport, progress: ((Double) -> Void)? = nil) throws {
        self.db = db
        self.now = now
        self.history = history
        matchableEvaluations = history.sessionsFileUnreadable ? []
            : history.evaluations.filter { !history.unreadableSessions.contains($0.sessionReference) }
        rowsDone = ProgressCounter(total: history.sessions.count + history.bookings.count + history.eLearning.count
                                   + matchableEvaluations.count, to: progress)
        for row in try Row.fetchAll(db, sql: "SELECT id, title, durationMinutes, defaultCapacity FROM course") {
            courses[(row["title"] as String).lowercased()] = (row["id"], row["durationMinutes"], row["defaultCapacity"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM agency") { agencies[(row["name"] as String).lowercased()] = row["id"] }
        for row in try Row.fetchAll(db, sql: "SELECT id, email FROM learner WHERE email IS NOT NULL") {
            learners[(row["email"] as String).lowercased()] = row["id"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, reference, startDate FROM session WHERE reference IS NOT NULL") {
            sessions[row["reference"]] = (row["id"], row["startDate"])
        }
    }

    mutating func run() throws {
        try importSessions()
        try importBookings()
        try importELearning()
        let evaluations = try AppDatabase.importEvaluations(matchableEvaluations, in: db, counting: &rowsDone)
        rowsDone.finish()
        summary.evaluationsAdded = evaluations.added
        summary.evaluationsUnchanged = evaluations.unchanged
        for reject in evaluations.rejected {
            problems.append(InputError(reject.reason, at: InputLocation(file: history.evaluationsFile, line: reject.line)))
        }
    }

    mutating func course(_ title: String, level: CourseLevel, delivery: DeliveryMode, minutes: Int,
                         capacity: Int) throws -> (id: Int64, minutes: Int, capacity: Int) {
        if let known = courses[title.lowercased()] { return known }
        try db.execute(sql: """
            INSERT INTO course (title, level, delivery, durationMinutes, defaultCapacity, minimumNumbers, summary, isActive, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, 0, 'Added by the import from a previous system.', 1, ?, ?)
            """, arguments: [title, level.rawValue, delivery.rawValue, minutes, capacity, now, now])
        let course = (db.lastInsertedRowID, minutes, capacity)
        courses[title.lowercased()] = course
        summary.coursesAdded += 1
        return course
    }

    mutating func importSessions() throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO session (courseId, reference, startsAt, endsAt, startDate, delivery, venue, capacity, minimumNumbers, status,
                cancelReason, cancelledAt, deliveredAt, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
            """)
        var seen: [String: Int] = [:]
        for row in history.sessions {
            defer { rowsDone.advance() }
            let location = InputLocation(file: history.sessionsFile, line: row.line)
            if let first = seen[row.reference] {
                problems.append(InputError("the session reference '\(row.reference)' is also on line \(first)", at: location.field("session_ref")))
                continue
            }
            seen[row.reference] = row.line
            if sessions[row.reference] != nil {
                summary.sessionsUnchanged += 1
                continue
            }
            let given = row.end.map { Int($0.timeIntervalSince(row.start) / 60) }
            let course = try course(row.courseTitle, level: row.level, delivery: row.delivery, minutes: given ?? 180, capacity: row.capacity ?? 20)
            let end = row.end ?? row.start.addingTimeInterval(Double(course.minutes) * 60)
            let capacity = row.capacity ?? course.capacity
            let date = LondonTime.date(of: row.start)
            try insert.execute(arguments: [course.id, row.reference, row.start, end, date, row.delivery.rawValue, row.venue, capacity,
                                           row.status.rawValue, row.cancelReason?.rawValue, nil, nil, now])
            sessions[row.reference] = (db.lastInsertedRowID, date)
            summary.sessionsAdded += 1
        }
    }

    /// The learner of a history row, added (with their agency, added if need be) when not yet known.
    mutating func learner(_ person: HistoryPerson, at location: InputLocation) throws -> (id: Int64, agencyId: Int64?)? {
        let agencyId = try agency(person, at: location)
        if let id = learners[person.email.normalised] { return (id, agencyId ?? nil) }
        guard let agencyId else { return nil }
        try db.cachedStatement(sql: "INSERT INTO learner (name, email, agencyId, createdAt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [person.name, person.email.text, agencyId, now])
        learners[person.email.normalised] = db.lastInsertedRowID
        summary.learnersAdded += 1
        return (db.lastInsertedRowID, agencyId)
    }

    /// The agency named on a row: nil inside when none is recorded; nil outside when it cannot be added.
    mutating func agency(_ person: HistoryPerson, at location: InputLocation) throws -> Int64?? {
        guard let name = person.agencyName else { return .some(nil) }
        if let id = agencies[name.lowercased()] { return id }
        guard let sector = person.sector else {
            problems.append(InputError("the agency '\(name)' is not known and no sector is given to add it", at: location.field("sector")))
            return nil
        }
        try db.cachedStatement(sql: "INSERT INTO agency (name, sector, createdAt) VALUES (?, ?, ?)").execute(arguments: [name, sector.rawValue, now])
        agencies[name.lowercased()] = db.lastInsertedRowID
        summary.agenciesAdded += 1
        return db.lastInsertedRowID
    }

    mutating func importBookings() throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO booking (sessionId, learnerId, agencyId, status, bookedAt, bookedBy, cancelledAt, cancelledBy, noticeWorkingDays)
            VALUES (?, ?, ?, ?, ?, 'import', ?, ?, ?)
            """)
        let existing = try db.cachedStatement(sql: "SELECT 1 FROM booking WHERE sessionId = ? AND learnerId = ? AND bookedAt = ?")
        let live = try db.cachedStatement(sql: "SELECT 1 FROM booking WHERE sessionId = ? AND learnerId = ? AND status <> 'cancelled'")
        let calendar = try AppDatabase.workingCalendar(db)
        for row in history.bookings {
            defer { rowsDone.advance() }
            let location = InputLocation(file: history.bookingsFile, line: row.line)
            guard let session = sessions[row.sessionReference] else {
                // A session whose own line (or file) could not be read is reported there, not again for each booking.
                if history.sessionsFileUnreadable || history.unreadableSessions.contains(row.sessionReference) { continue }
                problems.append(InputError("unknown session '\(row.sessionReference)' (not in the sessions file nor already imported)",
                                           at: location.field("session_ref")))
                continue
            }
            guard let learner = try learner(row.person, at: location) else { continue }
            if try Bool.fetchOne(existing, arguments: [session.id, learner.id, row.bookedOn]) == true {
                summary.bookingsUnchanged += 1
                continue
            }
            if row.status == .confirmed, try Int.fetchOne(db, sql: """
                SELECT s.capacity - (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status IN ('confirmed', 'attended', 'did-not-attend'))
                FROM session s WHERE s.id = ? AND s.status = 'scheduled'
                """, arguments: [session.id]).map({ $0 <= 0 }) == true {
                problems.append(InputError("session '\(row.sessionReference)' is still to run and already full: import this booking as waitlisted",
                                           at: location.field("status")))
                continue
            }
            if row.status != .cancelled, try Bool.fetchOne(live, arguments: [session.id, learner.id]) == true {
                problems.append(InputError("\(row.person.email) already has a place on session '\(row.sessionReference)'", at: location.field("learner_email")))
                continue
            }
            // A cancellation with no date recorded is dated as booked (the schema needs a date) but given no notice.
            let cancelledAt = row.status == .cancelled ? (row.cancelledOn ?? row.bookedOn) : nil
            let notice = row.cancelledOn.map { calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: $0), sessionDate: session.date) }
            try insert.execute(arguments: [session.id, learner.id, learner.agencyId, row.status.rawValue, row.bookedOn, cancelledAt,
                                           cancelledAt == nil ? nil : "import", notice])
            summary.bookingsAdded += 1
        }
    }

    mutating func importELearning() throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO licenceAllocation (poolId, learnerId, courseId, agencyId, status, allocatedOn, startedOn, completedOn, allocatedBy)
            VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 'import')
            """)
        let existing = try db.cachedStatement(sql: "SELECT 1 FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND allocatedOn = ?")
        for row in history.eLearning {
            defer { rowsDone.advance() }
            let location = InputLocation(file: history.eLearningFile, line: row.line)
            guard let learner = try learner(row.person, at: location) else { continue }
            let module = try course(row.module, level: .foundation, delivery: .eLearning, minutes: 60, capacity: 1)
            if try Bool.fetchOne(existing, arguments: [learner.id, module.id, row.allocatedOn]) == true {
                summary.allocationsUnchanged += 1
                continue
            }
            let status: LicenceStatus = row.completedOn != nil ? .completed : row.startedOn != nil ? .started : .allocated
            do {
                try insert.execute(arguments: [learner.id, module.id, learner.agencyId, status.rawValue, row.allocatedOn, row.startedOn, row.completedOn])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                problems.append(InputError("\(row.person.email) already holds an unfinished licence for \(row.module)", at: location.field("module")))
                continue
            }
            summary.allocationsAdded += 1
        }
    }
}
