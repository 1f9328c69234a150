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
    /// Bookings that were a second place for a learner already on the session: imported as cancelled.
    public var secondPlacesCancelled = 0
    /// Bookings kept with their status whose cancellation date is recorded in their history.
    public var cancellationDatesKept = 0
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
            // A history of a million bookings touches far more index pages than the writer's 2 MB cache holds;
            // with too small a cache SQLite reads the same pages back from the file over and over.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
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

extension AppDatabase {
    /// The writer's page cache during a history import, in KiB; SQLite takes it only as pages are used.
    static let importCacheKiB = 256 * 1024
}

extension HistoryImportSummary {
    var auditValues: [String: Int] {
        ["coursesAdded": coursesAdded, "agenciesAdded": agenciesAdded, "learnersAdded": learnersAdded, "sessionsAdded": sessionsAdded,
         "bookingsAdded": bookingsAdded, "secondPlacesCancelled": secondPlacesCancelled, "cancellationDatesKept": cancellationDatesKept,
         "allocationsAdded": allocationsAdded, "evaluationsAdded": evaluationsAdded]
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
    /// The sessions this import adds, with the bookings it has put on them so far. No booking in the database
    /// can be on such a session, so their checks (already imported? already holding a place? full?) are
    /// answered here instead of by three queries a booking.
    var addedSessions: [Int64: AddedSession] = [:]
    /// Agency ids by the name as written on the rows (most rows spell a name the same way), before the
    /// case-insensitive lookup in `agencies`.
    var agenciesAsWritten: [String: Int64] = [:]
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
            try insert.execute(arguments: [course.id, row.reference, StoredInstant(row.start), StoredInstant(end), date,
                                           row.delivery.rawValue, row.venue, capacity, row.status.rawValue, row.cancelReason?.rawValue,
                                           nil, nil, StoredInstant(now)])
            sessions[row.reference] = (db.lastInsertedRowID, date)
            addedSessions[db.lastInsertedRowID] = AddedSession(placesLeft: row.status == .scheduled ? capacity : nil)
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
        if let id = agenciesAsWritten[name] { return id }
        if let id = agencies[name.lowercased()] {
            agenciesAsWritten[name] = id
            return id
        }
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
            INSERT INTO booking (sessionId, learnerId, agencyId, status, bookedAt, bookedBy, cancelledAt, cancelledBy,
                                 cancellationReason, noticeWorkingDays)
            VALUES (?, ?, ?, ?, ?, 'import', ?, ?, ?, ?)
            """)
        let note = try db.cachedStatement(sql: """
            INSERT INTO bookingEvent (bookingId, at, kind, toStatus, learnerId, actor, note) VALUES (?, ?, 'imported', ?, ?, 'import', ?)
            """)
        let checks = try BookingChecks(db)
        let calendar = try AppDatabase.workingCalendar(db)
        // Second places for a learner already on a session are found in the rows alone (history is fact).
        let secondPlaces = BookingHistoryRow.secondPlaces(history.bookings)
        for (position, row) in history.bookings.enumerated() {
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
            if try checks.alreadyImported(session.id, learner.id, row.bookedOn, addedSessions[session.id]) {
                summary.bookingsUnchanged += 1
                continue
            }
            let kept = secondPlaces[position].map { history.bookings[$0] }
            let status: BookingStatus = kept == nil ? row.status : .cancelled
            if status == .confirmed, try checks.isFull(session.id, addedSessions[session.id]) {
                problems.append(InputError("session '\(row.sessionReference)' is still to run and already full: import this booking as waitlisted",
                                           at: location.field("status")))
                continue
            }
            // A place held from an earlier import is not changed by this one: the officer decides.
            if status != .cancelled, try checks.holdsPlace(session.id, learner.id, addedSessions[session.id]) {
                problems.append(InputError("\(row.person.email) already has a place on session '\(row.sessionReference)'", at: location.field("learner_email")))
                continue
            }
            addedSessions[session.id]?.record(learnerId: learner.id, bookedAt: row.bookedOn, status: status)
            // A cancellation with no date recorded is dated as booked (the schema needs a date) but given no
            // notice; a second place is cancelled when the place kept was booked, if later, and given no notice.
            var cancelledAt: Date?, notice: Int?, reason: String?
            if let kept {
                cancelledAt = row.cancelledOn ?? max(row.bookedOn, kept.bookedOn)
                reason = "a second place for the learner in the previous system; line \(kept.line) of \(history.bookingsFile) kept"
            } else if status == .cancelled {
                cancelledAt = row.cancelledOn ?? row.bookedOn
                notice = row.cancelledOn.map { calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: $0), sessionDate: session.date) }
            }
            try insert.execute(arguments: [session.id, learner.id, learner.agencyId, status.rawValue, StoredInstant(row.bookedOn),
                                           cancelledAt.map(StoredInstant.init), cancelledAt == nil ? nil : "import", reason, notice])
            summary.bookingsAdded += 1
            if kept != nil { summary.secondPlacesCancelled += 1 }
            if status != .cancelled, let cancelledOn = row.cancelledOn {
                // Kept with the status the previous system gave it; its cancellation date goes into its history.
                try note.execute(arguments: [db.lastInsertedRowID, StoredInstant(cancelledOn), status.rawValue, learner.id,
                                             "the previous system recorded a cancellation on \(LondonTime.date(of: cancelledOn)) but kept the booking as \(status.rawValue)"])
                summary.cancellationDatesKept += 1
            }
        }
    }

    mutating func importELearning() throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO licenceAllocation (poolId, learnerId, courseId, agencyId, status, allocatedOn, startedOn, completedOn, allocatedBy)
            VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 'import') ON CONFLICT DO NOTHING
            """)
        let existing = try db.cachedStatement(sql: "SELECT 1 FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND allocatedOn = ?")
        // Earlier unfinished allocations followed by another of the same module lapsed (history is fact):
        // found in the rows alone, so the hot path asks the database nothing more.
        let lapsed = ELearningHistoryRow.lapsed(history.eLearning)
        for (position, row) in history.eLearning.enumerated() {
            defer { rowsDone.advance() }
            let location = InputLocation(file: history.eLearningFile, line: row.line)
            guard let learner = try learner(row.person, at: location) else { continue }
            let module = try course(row.module, level: .foundation, delivery: .eLearning, minutes: 60, capacity: 1)
            if try Bool.fetchOne(existing, arguments: [learner.id, module.id, row.allocatedOn]) == true {
                summary.allocationsUnchanged += 1
                continue
            }
            var status: LicenceStatus = row.completedOn != nil ? .completed : row.startedOn != nil ? .started : .allocated
            if lapsed.contains(position) { status = .lapsed }
            try insert.execute(arguments: [learner.id, module.id, learner.agencyId, status.rawValue, row.allocatedOn, row.startedOn, row.completedOn])
            if db.changesCount == 0 {
                // The database already holds an unfinished licence of the module (an earlier import, say): the
                // earlier of the two lapsed. Rare, so asked here and not for every row.
                // Nothing inserted means the unique index on unfinished allocations met this row, so it is there.
                let held = try Row.fetchOne(db, sql: """
                    SELECT id, allocatedOn FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND status IN ('allocated', 'started')
                    """, arguments: [learner.id, module.id])!
                if (held["allocatedOn"] as LocalDate) < row.allocatedOn {
                    try db.execute(sql: "UPDATE licenceAllocation SET status = 'lapsed' WHERE id = ?", arguments: [held["id"] as Int64])
                } else {
                    status = .lapsed
                }
                try insert.execute(arguments: [learner.id, module.id, learner.agencyId, status.rawValue, row.allocatedOn, row.startedOn, row.completedOn])
            }
            summary.allocationsAdded += 1
        }
    }
}

/// A place on a session that a history import added, as the import's duplicate check knows it: the time
/// booked to the millisecond, as it is stored and as the check on a session already held compares it.
struct BookedPlace: Hashable {
    let learnerId: Int64
    let bookedAtMillisecond: Int

    init(learnerId: Int64, bookedAt: Date) {
        self.learnerId = learnerId
        bookedAtMillisecond = StoredInstant.millisecond(of: bookedAt)
    }
}

/// What one history import has put on a session it added itself.
struct AddedSession {
    /// Places left on a session still to run; nil for one delivered or cancelled, where capacity is not
    /// enforced on the past.
    var placesLeft: Int?
    /// Every booking imported onto it, to find the same booking given twice.
    var booked: Set<BookedPlace> = []
    /// The learners holding a place (any booking but a cancelled one).
    var live: Set<Int64> = []

    mutating func record(learnerId: Int64, bookedAt: Date, status: BookingStatus) {
        booked.insert(BookedPlace(learnerId: learnerId, bookedAt: bookedAt))
        if status != .cancelled { live.insert(learnerId) }
        if [.confirmed, .attended, .didNotAttend].contains(status) { placesLeft = placesLeft.map { $0 - 1 } }
    }
}

/// The checks of a booking row: on a session this import added they are answered from what it has put
/// there; on one already in the database, by asking it.
struct BookingChecks {
    let existing: Statement
    let live: Statement
    let placesLeft: Statement

    init(_ db: Database) throws {
        existing = try db.cachedStatement(sql: "SELECT 1 FROM booking WHERE sessionId = ? AND learnerId = ? AND bookedAt = ?")
        live = try db.cachedStatement(sql: "SELECT 1 FROM booking WHERE sessionId = ? AND learnerId = ? AND status <> 'cancelled'")
        placesLeft = try db.cachedStatement(sql: """
            SELECT s.capacity - (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status IN ('confirmed', 'attended', 'did-not-attend'))
            FROM session s WHERE s.id = ? AND s.status = 'scheduled'
            """)
    }

    /// The same booking (session, learner, time booked) is already held: importing it again changes nothing.
    func alreadyImported(_ sessionId: Int64, _ learnerId: Int64, _ bookedAt: Date, _ added: AddedSession?) throws -> Bool {
        if let added { return added.booked.contains(BookedPlace(learnerId: learnerId, bookedAt: bookedAt)) }
        return try Bool.fetchOne(existing, arguments: [sessionId, learnerId, StoredInstant(bookedAt)]) == true
    }

    /// The session is still to run and has no place left.
    func isFull(_ sessionId: Int64, _ added: AddedSession?) throws -> Bool {
        if let added { return added.placesLeft.map { $0 <= 0 } ?? false }
        return try Int.fetchOne(placesLeft, arguments: [sessionId]).map { $0 <= 0 } == true
    }

    /// The learner already holds a place (any booking but a cancelled one) on the session.
    func holdsPlace(_ sessionId: Int64, _ learnerId: Int64, _ added: AddedSession?) throws -> Bool {
        if let added { return added.live.contains(learnerId) }
        return try Bool.fetchOne(live, arguments: [sessionId, learnerId]) == true
    }
}
