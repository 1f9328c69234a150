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

extension ELearningHistoryRow {
    /// History is fact: a previous system may have allocated a learner the same module again (one year,
    /// then the next) with the earlier never finished. Such an earlier allocation lapsed: it is every row
    /// not completed that has a later allocation of the same module for the same learner (modules named
    /// ignoring case, as the catalogue does). Returns the positions in `rows` of those that lapsed.
    public static func lapsed(_ rows: [ELearningHistoryRow]) -> Set<Int> {
        // Each row's key is made once: a large export holds a million rows.
        let keys = rows.map { $0.person.email.normalised + "\u{0}" + $0.module.lowercased() }
        var latest: [String: LocalDate] = [:]
        latest.reserveCapacity(rows.count)
        for (key, row) in zip(keys, rows) where latest[key].map({ $0 < row.allocatedOn }) ?? true { latest[key] = row.allocatedOn }
        // `latest` holds every row's key: it was filled from these rows above.
        return Set(rows.indices.filter { rows[$0].completedOn == nil && rows[$0].allocatedOn < latest[keys[$0]]! })
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

/// Everything one `training import history` brings in, with the file each part came from.
public struct HistoryImport: Sendable {
    public var sessions: [SessionHistoryRow] = []
    public var sessionsFile = "sessions"
    public var bookings: [BookingHistoryRow] = []
    public var bookingsFile = "bookings"
    public var eLearning: [ELearningHistoryRow] = []
    public var eLearningFile = "e-learning"
    public var evaluations: [HistoricalEvaluation] = []
    public var evaluationsFile = "evaluations"
    /// Lines the files' reader could not use; the import reports them with its own and writes nothing.
    public var problems: [InputError] = []
    /// References of session lines that could not be read, so their bookings are not reported again.
    public var unreadableSessions: Set<String> = []
    /// The sessions file could not be read at all (not text, empty, not CSV): its problem is reported once,
    /// and no booking is reported for a session it may hold.
    public var sessionsFileUnreadable = false

    public init() {}
}
