import Foundation

/// A session from a previous system: `session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason`.
public struct SessionHistoryRow: Sendable, Hashable {
    public var line: Int
    public var reference: String
    public var courseTitle: String
    public var level: CourseLevel
    /// How this session was delivered, which may differ from the course's usual mode.
    public var delivery: DeliveryMode
    public var start: Date
    /// Nil when the old system kept only the day: the course's duration is used.
    public var end: Date?
    public var venue: String?
    public var capacity: Int?
    public var status: SessionStatus
    public var cancelReason: SessionCancelReason?

    public init(line: Int, reference: String, courseTitle: String, level: CourseLevel, delivery: DeliveryMode, start: Date,
                end: Date?, venue: String?, capacity: Int?, status: SessionStatus, cancelReason: SessionCancelReason?) {
        self.line = line
        self.reference = reference
        self.courseTitle = courseTitle
        self.level = level
        self.delivery = delivery
        self.start = start
        self.end = end
        self.venue = venue
        self.capacity = capacity
        self.status = status
        self.cancelReason = cancelReason
    }
}

/// A learner as an old system recorded them beside a booking or a licence. An empty agency is
/// "Agency not recorded"; an agency not yet known is added with the sector given.
public struct HistoryPerson: Sendable, Hashable {
    public var email: EmailAddress
    public var name: String
    public var agencyName: String?
    public var sector: Sector?

    public init(email: EmailAddress, name: String, agencyName: String?, sector: Sector?) {
        self.email = email
        self.name = name
        self.agencyName = agencyName
        self.sector = sector
    }
}

/// A booking from a previous system: `session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on`.
public struct BookingHistoryRow: Sendable, Hashable {
    public var line: Int
    public var sessionReference: String
    public var person: HistoryPerson
    public var bookedOn: Date
    public var status: BookingStatus
    public var cancelledOn: Date?

    public init(line: Int, sessionReference: String, person: HistoryPerson, bookedOn: Date, status: BookingStatus, cancelledOn: Date?) {
        self.line = line
        self.sessionReference = sessionReference
        self.person = person
        self.bookedOn = bookedOn
        self.status = status
        self.cancelledOn = cancelledOn
    }
}

/// An e-learning record from a previous system:
/// `learner_email,learner_name,agency,sector,module,allocated_on,started_on,completed_on`.
public struct ELearningHistoryRow: Sendable, Hashable {
    public var line: Int
    public var person: HistoryPerson
    public var module: String
    public var allocatedOn: LocalDate
    public var startedOn: LocalDate?
    public var completedOn: LocalDate?

    public init(line: Int, person: HistoryPerson, module: String, allocatedOn: LocalDate, startedOn: LocalDate?, completedOn: LocalDate?) {
        self.line = line
        self.person = person
        self.module = module
        self.allocatedOn = allocatedOn
        self.startedOn = startedOn
        self.completedOn = completedOn
    }
}

extension BookingHistoryRow {
    /// History is fact: a previous system may hold two places for one learner on one session (booked twice,
    /// or moved off its waiting list as a new row). A person holds one place, so of the rows not cancelled
    /// for the same learner (email, ignoring case) and session, the most settled keeps it — attended, then
    /// did not attend, confirmed, waitlisted, no place came up; the later booked, then the later line, on a
    /// tie — and each other is imported as a cancelled booking naming the line kept. Returns, for each such
    /// row's position in `rows`, the position of the row that keeps the place.
    public static func secondPlaces(_ rows: [BookingHistoryRow]) -> [Int: Int] {
        func settled(_ status: BookingStatus) -> Int {
            switch status {
            case .attended: 4
            case .didNotAttend: 3
            case .confirmed: 2
            case .waitlisted: 1
            case .noPlaceCameUp, .cancelled: 0
            }
        }
        func outranks(_ a: Int, _ b: Int) -> Bool {
            (settled(rows[a].status), rows[a].bookedOn, rows[a].line) > (settled(rows[b].status), rows[b].bookedOn, rows[b].line)
        }
        var keeper: [String: Int] = [:]
        var others: [String: [Int]] = [:]
        for position in rows.indices where rows[position].status != .cancelled {
            let key = rows[position].sessionReference + "\u{0}" + rows[position].person.email.normalised
            guard let held = keeper[key] else {
                keeper[key] = position
                continue
            }
            if outranks(position, held) {
                keeper[key] = position
                others[key, default: []].append(held)
            } else {
                others[key, default: []].append(position)
            }
        }
        var second: [Int: Int] = [:]
        for (key, positions) in others {
            for position in positions { second[position] = keeper[key] }
        }
        return second
    }
}

/// The rows of one history file in the order of its lines, each a row or the problem of its line, read
/// while they are imported: a file of millions of lines is read a block at a time on a thread of its own,
/// handed over in batches, so memory holds a few batches, not the file.
public struct HistoryRows<Row: Sendable>: Sendable, ExpressibleByArrayLiteral {
    /// One line of the file.
    public enum Item: Sendable {
        case row(Row)
        /// The line could not be read; the rest of the file goes on.
        case problem(InputError)
        /// The file as a whole cannot be read (not CSV, a quote never closed, a line with too many fields):
        /// this is its one problem, and any reported for its lines before are withdrawn, as a file refused
        /// whole has no lines to speak of.
        case refused(InputError)
    }

    /// Hands the items over in batches, in order, until it returns false (the importer stopped).
    let read: @Sendable (_ handOver: ([Item]) -> Bool) -> Void
    /// The number of rows, when they are in memory; nil for rows read from a file as they are imported.
    public let knownCount: Int?

    /// Rows already in memory.
    public init(_ rows: [Row]) {
        knownCount = rows.count
        read = { handOver in
            var start = rows.startIndex
            while start < rows.endIndex {
                let end = min(start + Self.batchSize, rows.endIndex)
                guard handOver(rows[start..<end].map(Item.row)) else { return }
                start = end
            }
        }
    }

    public init(arrayLiteral rows: Row...) { self.init(rows) }

    /// Rows a reader hands over as it reads them.
    public init(reading: @escaping @Sendable (_ handOver: ([Item]) -> Bool) -> Void) {
        knownCount = nil
        read = reading
    }

    /// Rows a reader hands over at a time.
    public static var batchSize: Int { 4_096 }

    /// Calls `body` with each batch in order while the next are read on a thread of their own, at most
    /// `waiting` batches ahead. If `body` throws, the reading stops and the error is rethrown once the
    /// reader has ended.
    public func forEachBatch(waiting: Int = 2, _ body: ([Item]) throws -> Void) throws {
        let handOff = BatchHandOff<Item>(limit: waiting)
        let read = self.read
        let reader = Thread {
            read { handOff.put($0) }
            handOff.finish()
        }
        reader.stackSize = 4 << 20
        reader.start()
        defer {
            handOff.cancel()
            handOff.waitUntilFinished()
        }
        while let batch = try handOff.take() { try body(batch) }
    }
}

/// Everything one `training import history` brings in, with the file each part came from.
public struct HistoryImport: Sendable {
    public var sessions: [SessionHistoryRow] = []
    public var sessionsFile = "sessions"
    public var bookings: HistoryRows<BookingHistoryRow> = []
    public var bookingsFile = "bookings"
    public var eLearning: HistoryRows<ELearningHistoryRow> = []
    public var eLearningFile = "e-learning"
    public var evaluations: [HistoricalEvaluation] = []
    public var evaluationsFile = "evaluations"
    /// Lines of the sessions file the reader could not use; the import reports them first, with every
    /// other problem, and writes nothing.
    public var problems: [InputError] = []
    /// Lines of the evaluations file the reader could not use, reported after those of the bookings and
    /// e-learning files (found as they are read).
    public var evaluationsProblems: [InputError] = []
    /// References of session lines that could not be read, so their bookings are not reported again.
    public var unreadableSessions: Set<String> = []
    /// The sessions file could not be read at all (not text, empty, not CSV): its problem is reported once,
    /// and no booking is reported for a session it may hold.
    public var sessionsFileUnreadable = false

    public init() {}
}
