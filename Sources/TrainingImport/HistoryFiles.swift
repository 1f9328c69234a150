import Foundation
import TrainingCore

/// Reads the CSV files of `training import history`. Unlike the other importers it reads every line of
/// every file and keeps the problems beside the rows it could read: the import then adds the problems it
/// finds across files and reports every bad line at once, so a partnership fixes its export in one go.
public enum HistoryFiles {
    public static let sessionColumns = ["session_ref", "course", "level", "delivery", "start", "end", "venue", "capacity", "status", "cancel_reason"]
    public static let bookingColumns = ["session_ref", "learner_email", "learner_name", "agency", "sector", "booked_on", "status", "cancelled_on"]
    public static let eLearningColumns = ["learner_email", "learner_name", "agency", "sector", "module", "allocated_on", "started_on", "completed_on"]

    /// Reads the files given (bookings and sessions are required by the command; the others may be nil).
    /// Bad lines are in the result's `problems`, not thrown. `progress`, if given, is told the fraction read
    /// and checked now and then — each file weighing its size in bytes, its lines counted as they are checked —
    /// rising to 1 at the end.
    public static func read(sessions: URL, bookings: URL, eLearning: URL?, evaluations: URL?, names: (URL) -> String,
                            progress: ((Double) -> Void)? = nil) -> HistoryImport {
        // Shares in the order the files are read: sessions and evaluations now, bookings and e-learning
        // as the import takes them (it calls the last part, so the whole reaches 1 when the last file does).
        let shares = FileShares([sessions, evaluations, bookings, eLearning].compactMap { $0 }, report: progress)
        var history = HistoryImport()
        var problems: [InputError] = []
        func text(_ url: URL) -> String? {
            do { return try TextFile.read(url, displayName: names(url)) } catch let error as InputError {
                problems.append(error)
                return nil
            } catch {
                problems.append(InputError("cannot read the file", at: InputLocation(file: names(url))))
                return nil
            }
        }
        history.sessionsFile = names(sessions)
        if let content = text(sessions) {
            history.sessions = parseSessions(content, file: history.sessionsFile, problems: &problems, progress: shares.part(for: sessions))
            let read = Set(history.sessions.map(\.reference))
            if let written = references(in: content, file: history.sessionsFile) {
                history.unreadableSessions = Set(written).subtracting(read)
            } else {
                history.sessionsFileUnreadable = true
            }
        } else {
            history.sessionsFileUnreadable = true
        }
        history.problems = problems
        problems = []
        if let evaluations {
            history.evaluationsFile = names(evaluations)
            if let content = text(evaluations) {
                history.evaluations = EvaluationFile.rows(content, file: history.evaluationsFile, problems: &problems,
                                                          progress: shares.part(for: evaluations))
            }
        }
        history.evaluationsProblems = problems
        history.bookingsFile = names(bookings)
        history.bookings = streamed(bookings, name: history.bookingsFile, columns: bookingColumns, progress: shares.part(for: bookings),
                                    row: bookingRow)
        if let eLearning {
            history.eLearningFile = names(eLearning)
            history.eLearning = streamed(eLearning, name: history.eLearningFile, columns: eLearningColumns,
                                         progress: shares.part(for: eLearning), row: eLearningRow)
        }
        return history
    }

    /// The rows of a large history file, read a block at a time as the import takes them (`CSVFileBlocks`):
    /// each line a row or its problem, or the file refused whole as `CSVDocument.parse` refuses one.
    static func streamed<Row: Sendable>(_ url: URL, name: String, columns: [String], progress: (@Sendable (Double) -> Void)?,
                                        row: @escaping @Sendable (CSVDocument.Record) throws -> Row) -> HistoryRows<Row> {
        HistoryRows { handOver in
            var header: CSVDocument.Header?
            do {
                try CSVFileBlocks.forEachBlock(of: url, displayName: name) { records, fraction in
                    var items: [HistoryRows<Row>.Item] = []
                    items.reserveCapacity(records.count)
                    for raw in records where !raw.isBlank {
                        guard let known = header else {
                            header = try CSVDocument.Header(raw, file: name, required: columns)
                            continue
                        }
                        let record = try known.record(raw)
                        do {
                            items.append(.row(try row(record)))
                        } catch let problem as InputError {
                            items.append(.problem(problem))
                        }
                    }
                    progress?(fraction)
                    return items.isEmpty || handOver(items)
                }
                if header == nil { throw CSVDocument.Header.emptyFile(name, required: columns) }
            } catch let refusal as InputError {
                _ = handOver([.refused(refusal)])
            } catch {
                _ = handOver([.refused(InputError("cannot read the file", at: InputLocation(file: name)))])
            }
        }
    }

    /// Every session reference written in a sessions file, readable lines or not; nil when the file is not
    /// CSV with a `session_ref` column at all.
    static func references(in text: String, file: String) -> [String]? {
        var ignored: [InputError] = []
        return CSVDocument.parse(text, file: file, required: ["session_ref"], allowingExtraColumns: true, problems: &ignored)?
            .records.compactMap { $0.optional("session_ref") }
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `DD/MM/YYYY` (a day alone is taken at `hour`:00).
    static func instant(_ record: CSVDocument.Record, _ column: String, hour: Int) throws -> Date? {
        guard let value = record.optional(column) else { return nil }
        return try LondonTime.parse(value, defaultHour: hour, at: record.location(column))
    }

    /// The value of `column`, or nil when empty, refused unless a field of this kind may store it (`StoredText`).
    static func storable(_ record: CSVDocument.Record, _ column: String, as field: TextField) throws -> String? {
        try StoredText.check(record.optional(column), as: field, at: record.location(column))
    }

    static func person(_ record: CSVDocument.Record) throws -> HistoryPerson {
        let email = try EmailAddress(record["learner_email"], at: record.location("learner_email"))
        let name = try storable(record, "learner_name", as: .name) ?? email.text
        return HistoryPerson(email: email, name: name, agencyName: try storable(record, "agency", as: .name),
                             sector: try record.optional("sector").map { try Sector.parse($0, at: record.location("sector")) })
    }

    /// The sessions that read, with every bad line added to `problems`; `progress` is told the fraction of lines checked.
    public static func parseSessions(_ text: String, file: String, problems: inout [InputError],
                                     progress: ((Double) -> Void)? = nil) -> [SessionHistoryRow] {
        guard let document = CSVDocument.parse(text, file: file, required: sessionColumns, problems: &problems) else { return [] }
        return InputProblems.collect(document.records, into: &problems, progress: progress) { record in
            guard let reference = try storable(record, "session_ref", as: .reference) else {
                throw InputError("a session reference is required", at: record.location("session_ref"))
            }
            guard let title = try storable(record, "course", as: .name) else { throw InputError("a course title is required", at: record.location("course")) }
            // Fields are checked in the order of the columns, as a person reads the line.
            let level = try CourseLevel.parse(record["level"], at: record.location("level"))
            let delivery = try DeliveryMode.parse(record["delivery"], at: record.location("delivery"))
            guard let start = try instant(record, "start", hour: 9) else { throw InputError("a start is required", at: record.location("start")) }
            let end = try instant(record, "end", hour: 16)
            if let end, end <= start { throw InputError("the session ends before it starts", at: record.location("end")) }
            let capacity = try record.optional("capacity").map { value -> Int in
                guard let number = Int(value), number > 0 else { throw InputError("'\(value)' is not a number of places", at: record.location("capacity")) }
                return number
            }
            let status = try SessionStatus.parse(record["status"], at: record.location("status"))
            let reason = try record.optional("cancel_reason").map { try SessionCancelReason.parse($0, at: record.location("cancel_reason")) }
            if reason != nil && status != .cancelled {
                throw InputError("a cancellation reason is given for a session that was not cancelled", at: record.location("cancel_reason"))
            }
            return SessionHistoryRow(line: record.line, reference: reference, courseTitle: title, level: level, delivery: delivery,
                                     start: start, end: end, venue: try storable(record, "venue", as: .venue), capacity: capacity, status: status,
                                     cancelReason: status == .cancelled ? (reason ?? .other) : nil)
        }
    }

    /// The bookings that read, with every bad line added to `problems`; `progress` is told the fraction of lines checked.
    public static func parseBookings(_ text: String, file: String, problems: inout [InputError],
                                     progress: ((Double) -> Void)? = nil) -> [BookingHistoryRow] {
        guard let document = CSVDocument.parse(text, file: file, required: bookingColumns, problems: &problems) else { return [] }
        return InputProblems.collect(document.records, into: &problems, progress: progress, bookingRow)
    }

    /// The booking a line of a bookings file records, or the problem of the line.
    @Sendable static func bookingRow(_ record: CSVDocument.Record) throws -> BookingHistoryRow {
        guard let reference = record.optional("session_ref") else {
            throw InputError("a session reference is required", at: record.location("session_ref"))
        }
        guard let booked = try instant(record, "booked_on", hour: 9) else {
            throw InputError("the day of the booking is required", at: record.location("booked_on"))
        }
        let status = try BookingStatus.parse(record["status"], at: record.location("status"))
        // History is fact: a previous system may record a cancellation date on a booking it kept (a
        // cancellation undone, or a late one it counted as not attending); the import keeps both.
        let cancelled = try instant(record, "cancelled_on", hour: 9)
        return BookingHistoryRow(line: record.line, sessionReference: reference, person: try person(record), bookedOn: booked,
                                 status: status, cancelledOn: cancelled)
    }

    /// The e-learning records that read, with every bad line added to `problems`; `progress` is told the fraction of lines checked.
    public static func parseELearning(_ text: String, file: String, problems: inout [InputError],
                                      progress: ((Double) -> Void)? = nil) -> [ELearningHistoryRow] {
        guard let document = CSVDocument.parse(text, file: file, required: eLearningColumns, problems: &problems) else { return [] }
        return InputProblems.collect(document.records, into: &problems, progress: progress, eLearningRow)
    }

    /// The e-learning record a line of an e-learning file holds, or the problem of the line.
    @Sendable static func eLearningRow(_ record: CSVDocument.Record) throws -> ELearningHistoryRow {
        func day(_ column: String) throws -> LocalDate? {
            try record.optional(column).map { try LocalDate.parse(String($0.prefix(10)), at: record.location(column)) }
        }
        guard let module = try storable(record, "module", as: .name) else { throw InputError("a module is required", at: record.location("module")) }
        guard let allocated = try day("allocated_on") else {
            throw InputError("the day of allocation is required", at: record.location("allocated_on"))
        }
        let started = try day("started_on"), completed = try day("completed_on")
        // History is fact: a previous system's export may record the allocation after the learner had
        // started or finished (a licence assigned to someone already enrolled), so the allocation day does
        // not bound the others — only a completion before the start given is impossible.
        if let completed, let started, completed < started {
            throw InputError("completed before it was started", at: record.location("completed_on"))
        }
        return ELearningHistoryRow(line: record.line, person: try person(record), module: module, allocatedOn: allocated,
                                   startedOn: started, completedOn: completed)
    }
}

/// The read's progress as a whole: each file owns a share of it in proportion to its size in bytes (equal
/// shares when no size is known), filled as its lines are checked. Only fractions above the last one told
/// are passed on, so `report` sees a steady rise whatever order the files report in. The files are read
/// one after another (the large ones on the import's reading thread), never two at once.
private final class FileShares: @unchecked Sendable {
    private let report: ((Double) -> Void)?
    private var ranges: [URL: (start: Double, end: Double)] = [:]
    private var lastTold = 0.0

    init(_ files: [URL], report: ((Double) -> Void)?) {
        self.report = report
        let known = files.map { (try? $0.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0 }
        let sizes = known.reduce(0, +) > 0 ? known : files.map { _ in 1 }
        let total = Double(sizes.reduce(0, +))
        var before = 0
        for (file, size) in zip(files, sizes) {
            // Whole byte counts divided last, so the last file's share ends at exactly 1.
            ranges[file] = (Double(before) / total, Double(before + size) / total)
            before += size
        }
    }

    /// The progress of one file: its fraction checked, placed within the file's share of the whole (a file
    /// checked to the end reaches exactly the end of its share).
    func part(for file: URL) -> (@Sendable (Double) -> Void)? {
        guard report != nil, let range = ranges[file] else { return nil }
        return { [self] fraction in tell((1 - fraction) * range.start + fraction * range.end) }
    }

    private func tell(_ fraction: Double) {
        let clamped = min(1, fraction)
        guard clamped > lastTold else { return }
        lastTold = clamped
        report?(clamped)
    }
}
