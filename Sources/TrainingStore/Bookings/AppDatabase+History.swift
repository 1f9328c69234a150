import Foundation
import GRDB
import GRDBSQLite
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
    /// end, when every file's rows are in memory (rows read from a file as they are imported are told by
    /// their reader instead); it is called inside the transaction, which still commits or rolls back as a whole.
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
            // In the order a person reads the files: each file's unreadable lines, then what was found across them.
            let problems = history.problems + importer.readerProblems(of: history.bookingsFile) + importer.readerProblems(of: history.eLearningFile)
                + history.evaluationsProblems + importer.problems
            guard problems.isEmpty else { throw InputProblems(problems) }
            try db.audit(.historyImported, entity: .history, id: nil, actor: actor, at: now(),
                         before: [String: Int]?.none, after: importer.summary.auditValues)
            return importer.summary
        }
    }
}

extension AppDatabase {
    /// The writer's page cache during a history import, in KiB; SQLite takes it only as pages are used. It
    /// holds the pages a million bookings' inserts keep going back to (the indexes by learner and agency);
    /// pages it lets go are read again from the system's file cache, not the disk.
    static let importCacheKiB = 32 * 1024
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
    /// Problems of lines the bookings and e-learning readers could not use, by file, reported before those
    /// found here.
    var readerProblemsByFile: [String: [InputError]] = [:]
    /// Files refused whole while being read: what this import found on their lines is withdrawn.
    var refusedFiles: Set<String> = []
    /// The first booking id this import gives, and the lines of the bookings it inserts, to name the line
    /// whose place is kept when a second place for a learner turns up.
    var firstNewBooking: Int64 = 1
    var bookingLines = LinesOfRows()
    /// The places of a learner on a session that met in this import, as the files gave them, with their ids.
    var placeGroups: [PlaceKey: [(id: Int64, row: BookingHistoryRow)]] = [:]
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
        // Rows read from a file as they are imported are counted by their reader, which tells the progress.
        let streamed = [history.bookings.knownCount, history.eLearning.knownCount]
        rowsDone = ProgressCounter(total: history.sessions.count + streamed.reduce(0) { $0 + ($1 ?? 0) } + matchableEvaluations.count,
                                   to: streamed.contains(nil) ? nil : progress)
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
        problems.removeAll { refusedFiles.contains($0.location.file ?? "") }
    }

    /// The problems of `file`'s lines its reader found, or its one refusal.
    func readerProblems(of file: String) -> [InputError] { readerProblemsByFile[file] ?? [] }

    /// Takes the rows of a large file batch by batch as its reader hands them over, giving each to `body`;
    /// lines the reader could not use are kept for the report, and a file refused whole keeps only its refusal.
    mutating func forEachRow<Row>(of rows: HistoryRows<Row>, file: String, _ body: (inout HistoryImporter, Row) throws -> Void) throws {
        try rows.forEachBatch { items in
            for item in items {
                switch item {
                case .row(let row): try body(&self, row)
                case .problem(let problem): readerProblemsByFile[file, default: []].append(problem)
                case .refused(let refusal):
                    readerProblemsByFile[file] = [refusal]
                    refusedFiles.insert(file)
                }
                rowsDone.advance()
            }
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
        firstNewBooking = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM booking") ?? 0) + 1
        let statements = try BookingStatements(db)
        let calendar = try AppDatabase.workingCalendar(db)
        try forEachRow(of: history.bookings, file: history.bookingsFile) { importer, row in
            try importer.importBooking(row, statements, calendar)
        }
    }

    /// One booking of the file. A place is one per learner and session (the unique index on live places):
    /// the insert of a live place that meets another is the rare case, sorted out in `placeMet`.
    mutating func importBooking(_ row: BookingHistoryRow, _ statements: BookingStatements, _ calendar: WorkingCalendar) throws {
        let location = InputLocation(file: history.bookingsFile, line: row.line)
        guard let session = sessions[row.sessionReference] else {
            // A session whose own line (or file) could not be read is reported there, not again for each booking.
            if history.sessionsFileUnreadable || history.unreadableSessions.contains(row.sessionReference) { return }
            problems.append(InputError("unknown session '\(row.sessionReference)' (not in the sessions file nor already imported)",
                                       at: location.field("session_ref")))
            return
        }
        guard let learner = try learner(row.person, at: location) else { return }
        // A cancelled booking meets no index, and a confirmed one on a full session is refused unless it is the
        // same booking given again: whether it is already held is asked here. (A live one that is held meets
        // the unique index, and is asked in `placeMet`.)
        let mayBeRefusedAsFull = row.status == .confirmed ? try isFull(session.id, statements) : false
        if row.status == .cancelled || mayBeRefusedAsFull, try statements.isHeld(session.id, learner.id, row.bookedOn) {
            summary.bookingsUnchanged += 1
            return
        }
        if mayBeRefusedAsFull {
            problems.append(InputError("session '\(row.sessionReference)' is still to run and already full: import this booking as waitlisted",
                                       at: location.field("status")))
            return
        }
        let cancelledAt = row.status == .cancelled ? (row.cancelledOn ?? row.bookedOn) : nil
        let notice = cancelledAt == nil ? nil
            : row.cancelledOn.map { calendar.noticeInWorkingDays(cancelledOn: LondonTime.date(of: $0), sessionDate: session.date) }
        guard try statements.insert(session.id, learner, row, status: row.status, cancelledAt: cancelledAt, reason: nil, notice: notice) else {
            return try placeMet(row, session: session.id, learner: learner, statements, at: location)
        }
        added(row, session: session.id, status: row.status)
    }

    /// Counts a booking inserted: its line, and the place it takes on a session this import added.
    mutating func added(_ row: BookingHistoryRow, session: Int64, status: BookingStatus) {
        bookingLines.append(row.line)
        summary.bookingsAdded += 1
        if status != .cancelled && row.cancelledOn != nil { summary.cancellationDatesKept += 1 }
        if status.takesAPlace { addedSessions[session]?.placesLeft? -= 1 }
    }

    /// The session is still to run and has no place left.
    mutating func isFull(_ session: Int64, _ statements: BookingStatements) throws -> Bool {
        if let added = addedSessions[session] { return added.placesLeft.map { $0 <= 0 } ?? false }
        return try statements.placesLeft(session).map { $0 <= 0 } == true
    }

    /// A live place met another of the same learner on the session. The same booking given again changes
    /// nothing; a place held from before this import is not changed by it (the officer decides); places
    /// that met within this import are sorted out by the rule (`BookingHistoryRow.secondPlaces`), every one
    /// of them written again as it decides: the most settled keeps the place, the others are cancelled
    /// naming its line, with no notice (no charge).
    mutating func placeMet(_ row: BookingHistoryRow, session: Int64, learner: (id: Int64, agencyId: Int64?),
                           _ statements: BookingStatements, at location: InputLocation) throws {
        if try statements.isHeld(session, learner.id, row.bookedOn) {
            summary.bookingsUnchanged += 1
            return
        }
        guard let held = try statements.livePlace(session, learner.id), held.id >= firstNewBooking else {
            problems.append(InputError("\(row.person.email) already has a place on session '\(row.sessionReference)'", at: location.field("learner_email")))
            return
        }
        let key = PlaceKey(session: session, learner: learner.id)
        // This import's bookings have the ids from `firstNewBooking` on, one for each line recorded.
        guard let heldLine = bookingLines.line(of: Int(held.id - firstNewBooking)) else {
            throw StoreError.notFound("the booking \(held.id) this import added has no line recorded")
        }
        let heldCancellation = try statements.cancellationKept(held.id)
        var group = placeGroups[key] ?? [(held.id, BookingHistoryRow(
            line: heldLine, sessionReference: row.sessionReference, person: row.person,
            bookedOn: held.bookedAt, status: held.status, cancelledOn: heldCancellation))]
        let before = Set(BookingHistoryRow.secondPlaces(group.map(\.row)).keys)
        group.append((0, row))
        let second = BookingHistoryRow.secondPlaces(group.map(\.row))
        // Cancelled first, so the place is free when the one that keeps it is written live again.
        for position in group.indices.sorted(by: { second[$0] != nil && second[$1] == nil }) {
            let member = group[position].row
            var status = member.status, cancelledAt: Date? = nil, reason: String? = nil
            if let kept = second[position].map({ group[$0].row }) {
                status = .cancelled
                cancelledAt = member.cancelledOn ?? max(member.bookedOn, kept.bookedOn)
                reason = "a second place for the learner in the previous system; line \(kept.line) of \(history.bookingsFile) kept"
            }
            if position == group.count - 1 {
                // Every other place of the learner on the session is cancelled by now, or this one is.
                guard try statements.insert(session, learner, member, status: status, cancelledAt: cancelledAt, reason: reason, notice: nil) else {
                    throw StoreError.notFound("a place of \(member.person.email) on session '\(member.sessionReference)' is left live")
                }
                group[position].id = db.lastInsertedRowID
                added(member, session: session, status: status)
            } else {
                try statements.rewrite(group[position].id, status: status, cancelledAt: cancelledAt, reason: reason)
                // The place it took on a session still to run is given back, or taken again.
                let took = !before.contains(position) && member.status.takesAPlace, takes = status.takesAPlace
                if took != takes { addedSessions[session]?.placesLeft? += took ? 1 : -1 }
            }
        }
        summary.secondPlacesCancelled += second.count - before.count
        placeGroups[key] = group
    }

    mutating func importELearning() throws {
        let firstNewAllocation = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM licenceAllocation") ?? 0) + 1
        let insert = try db.cachedStatement(sql: """
            INSERT INTO licenceAllocation (poolId, learnerId, courseId, agencyId, status, allocatedOn, startedOn, completedOn, allocatedBy)
            VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, 'import') ON CONFLICT DO NOTHING
            """)
        let existing = try db.cachedStatement(sql: "SELECT 1 FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND allocatedOn = ?")
        try forEachRow(of: history.eLearning, file: history.eLearningFile) { importer, row in
            let location = InputLocation(file: importer.history.eLearningFile, line: row.line)
            guard let learner = try importer.learner(row.person, at: location) else { return }
            let module = try importer.course(row.module, level: .foundation, delivery: .eLearning, minutes: 60, capacity: 1)
            if try Bool.fetchOne(existing, arguments: [learner.id, module.id, row.allocatedOn]) == true {
                importer.summary.allocationsUnchanged += 1
                return
            }
            var status: LicenceStatus = row.completedOn != nil ? .completed : row.startedOn != nil ? .started : .allocated
            try insert.execute(arguments: [learner.id, module.id, learner.agencyId, status.rawValue, row.allocatedOn, row.startedOn, row.completedOn])
            if importer.db.changesCount == 0 {
                // Another unfinished licence of the module is held (earlier in the file, or from before): of the
                // two, the earlier lapsed. Rare, so asked here and not for every row.
                // Nothing inserted means the unique index on unfinished allocations met this row, so it is there.
                let held = try Row.fetchOne(importer.db, sql: """
                    SELECT id, allocatedOn FROM licenceAllocation WHERE learnerId = ? AND courseId = ? AND status IN ('allocated', 'started')
                    """, arguments: [learner.id, module.id])!
                if (held["allocatedOn"] as LocalDate) < row.allocatedOn {
                    try importer.db.execute(sql: "UPDATE licenceAllocation SET status = 'lapsed' WHERE id = ?", arguments: [held["id"] as Int64])
                } else {
                    status = .lapsed
                }
                try insert.execute(arguments: [learner.id, module.id, learner.agencyId, status.rawValue, row.allocatedOn, row.startedOn, row.completedOn])
            }
            importer.summary.allocationsAdded += 1
        }
        try lapseEarlierUnfinished(since: firstNewAllocation)
    }

    /// History is fact (DOMAIN.md, licences): a learner allocated a module again with the earlier
    /// allocation never finished — the later one completed, so no unique index met them — had the earlier
    /// lapse. Marked once all rows are in, for every such pair with a row of this import in it.
    func lapseEarlierUnfinished(since firstNewAllocation: Int64) throws {
        try db.execute(sql: """
            UPDATE licenceAllocation AS earlier SET status = 'lapsed'
            WHERE earlier.status IN ('allocated', 'started')
              AND EXISTS (SELECT 1 FROM licenceAllocation later
                          WHERE later.learnerId = earlier.learnerId AND later.courseId = earlier.courseId
                            AND later.allocatedOn > earlier.allocatedOn AND (earlier.id >= ?1 OR later.id >= ?1))
            """, arguments: [firstNewAllocation])
    }
}

/// The line of each row an import inserted, by the row's position: held as the runs in which the line is
/// the position plus a fixed number (a file's lines follow one another), so a million rows from one file
/// take a few entries, not a million — memory stays bounded by the batches, not the file.
struct LinesOfRows {
    /// Where each run starts (a position) and what is added to a position in it to give its line.
    private var runs: [(start: Int, offset: Int)] = []
    private(set) var count = 0

    /// Records the line of the next row.
    mutating func append(_ line: Int) {
        if runs.last.map({ count + $0.offset != line }) ?? true { runs.append((count, line - count)) }
        count += 1
    }

    /// The line of the row at `position`, if one was recorded there.
    func line(of position: Int) -> Int? {
        guard position >= 0, position < count else { return nil }
        // The last run starting at or before the position.
        var low = 0, high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        return position + runs[low].offset
    }
}

/// A learner on a session, whose places met in a history import.
struct PlaceKey: Hashable {
    let session: Int64
    let learner: Int64
}

/// What one history import knows of a session it added itself: the places left on one still to run (nil
/// for one delivered or cancelled, where capacity is not enforced on the past).
struct AddedSession {
    var placesLeft: Int?
}

/// The prepared statements of the booking import. A booking is inserted with its values bound straight
/// to SQLite (no boxing of each value); the rest are the rare cases' questions.
struct BookingStatements {
    let db: Database
    let insertStatement: Statement
    let note: Statement
    let held: Statement
    let live: Statement
    let placesLeftStatement: Statement
    let noteAt: Statement
    let rewriteStatement: Statement

    init(_ db: Database) throws {
        self.db = db
        insertStatement = try db.makeStatement(sql: """
            INSERT INTO booking (sessionId, learnerId, agencyId, status, bookedAt, bookedBy, cancelledAt, cancelledBy,
                                 cancellationReason, noticeWorkingDays)
            VALUES (?, ?, ?, ?, ?, 'import', ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        note = try db.makeStatement(sql: """
            INSERT INTO bookingEvent (bookingId, at, kind, toStatus, learnerId, actor, note) VALUES (?, ?, 'imported', ?, ?, 'import', ?)
            """)
        held = try db.makeStatement(sql: "SELECT 1 FROM booking WHERE sessionId = ? AND learnerId = ? AND bookedAt = ?")
        live = try db.makeStatement(sql: "SELECT id, status, bookedAt FROM booking WHERE sessionId = ? AND learnerId = ? AND status <> 'cancelled'")
        placesLeftStatement = try db.makeStatement(sql: """
            SELECT s.capacity - (SELECT COUNT(*) FROM booking b WHERE b.sessionId = s.id AND b.status IN ('confirmed', 'attended', 'did-not-attend'))
            FROM session s WHERE s.id = ? AND s.status = 'scheduled'
            """)
        noteAt = try db.makeStatement(sql: "SELECT at FROM bookingEvent WHERE bookingId = ? AND kind = 'imported'")
        rewriteStatement = try db.makeStatement(sql: """
            UPDATE booking SET status = ?, cancelledAt = ?, cancelledBy = ?, cancellationReason = ?, noticeWorkingDays = NULL WHERE id = ?
            """)
    }

    /// Inserts a booking, and the cancellation date of one kept with another status into its history.
    /// False when a live place of the learner on the session already held the row back.
    func insert(_ session: Int64, _ learner: (id: Int64, agencyId: Int64?), _ row: BookingHistoryRow, status: BookingStatus,
                cancelledAt: Date?, reason: String?, notice: Int?) throws -> Bool {
        let statement = insertStatement.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, session)
        sqlite3_bind_int64(statement, 2, learner.id)
        if let agency = learner.agencyId { sqlite3_bind_int64(statement, 3, agency) } else { sqlite3_bind_null(statement, 3) }
        bind(status.rawValue, at: 4)
        bind(StoredInstant.text(of: row.bookedOn), at: 5)
        if let cancelledAt {
            bind(StoredInstant.text(of: cancelledAt), at: 6)
            bind("import", at: 7)
        } else {
            sqlite3_bind_null(statement, 6)
            sqlite3_bind_null(statement, 7)
        }
        if let reason { bind(reason, at: 8) } else { sqlite3_bind_null(statement, 8) }
        if let notice { sqlite3_bind_int64(statement, 9, Int64(notice)) } else { sqlite3_bind_null(statement, 9) }
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) },
                                sql: insertStatement.sql)
        }
        guard db.changesCount > 0 else { return false }
        if status != .cancelled, let cancelledOn = row.cancelledOn {
            // Kept with the status the previous system gave it; its cancellation date goes into its history.
            try note.execute(arguments: [db.lastInsertedRowID, StoredInstant(cancelledOn), status.rawValue, learner.id,
                                         "the previous system recorded a cancellation on \(LondonTime.date(of: cancelledOn)) but kept the booking as \(status.rawValue)"])
        }
        return true
    }

    private func bind(_ text: String, at index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(insertStatement.sqliteStatement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(bytes.count), SQLITE_TRANSIENT)
        }
    }

    /// The same booking (session, learner, time booked to the millisecond, as stored) is already held.
    func isHeld(_ session: Int64, _ learner: Int64, _ bookedAt: Date) throws -> Bool {
        try Bool.fetchOne(held, arguments: [session, learner, StoredInstant(bookedAt)]) == true
    }

    /// The learner's live place on the session.
    func livePlace(_ session: Int64, _ learner: Int64) throws -> (id: Int64, status: BookingStatus, bookedAt: Date)? {
        guard let row = try Row.fetchOne(live, arguments: [session, learner]),
              let status = BookingStatus(rawValue: row["status"]) else { return nil }
        return (row["id"], status, row["bookedAt"])
    }

    /// Places left on a session still to run; nil for one delivered or cancelled.
    func placesLeft(_ session: Int64) throws -> Int? { try Int.fetchOne(placesLeftStatement, arguments: [session]) }

    /// The cancellation date a booking kept with another status holds in its history, if any.
    func cancellationKept(_ booking: Int64) throws -> Date? { try Date.fetchOne(noteAt, arguments: [booking]) }

    /// Writes a booking of this import again as the rule on second places decides. A place cancelled so
    /// keeps its cancellation date as its own; one given back its place keeps the date in its history.
    func rewrite(_ booking: Int64, status: BookingStatus, cancelledAt: Date?, reason: String?) throws {
        try rewriteStatement.execute(arguments: [status.rawValue, cancelledAt.map(StoredInstant.init), cancelledAt == nil ? nil : "import",
                                                 reason, booking])
    }
}

/// SQLite copies a value bound with this destructor, so the Swift string may go at once.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
