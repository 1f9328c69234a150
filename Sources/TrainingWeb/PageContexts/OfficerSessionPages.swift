import TrainingCore
import TrainingStore

/// The officer's sessions of a financial year.
struct OfficerSessionsPage: Encodable, Sendable {
    struct Session: Encodable, Sendable {
        var id: Int64, course: String, level: String, when: String, status: String, booked: Int, capacity: Int, waiting: Int

        init(_ summary: SessionSummary) {
            id = summary.session.id ?? 0
            course = summary.courseTitle
            level = summary.level.rawValue.capitalized
            when = Display.session(summary.session.startsAt, summary.session.endsAt)
            status = Display.status(summary.session.status.rawValue)
            booked = summary.placesTaken
            capacity = summary.session.capacity
            waiting = summary.waitlisted
        }
    }

    var year: String
    var previous: String
    var next: String
    var sessions: [Session]
    var none: Bool
}

/// Scheduling a session: the courses to choose from and what was typed.
struct NewSessionPage: Encodable, Sendable {
    var courses: [SelectOption]
    var values: [String: String]
}

/// A session as the officer runs it: its places and register, its waiting list, and cancelling it.
struct OfficerSessionPage: Encodable, Sendable {
    struct Place: Encodable, Sendable {
        var id: Int64, name: String, agency: String, status: String, present: Bool, absent: Bool

        init(_ line: BookingLine) {
            id = line.booking.id ?? 0
            name = line.learnerName
            agency = line.agencyName ?? agencyNotRecorded
            status = Display.status(line.booking.status.rawValue)
            present = line.booking.status == .attended
            absent = line.booking.status == .didNotAttend
        }
    }

    struct Waiting: Encodable, Sendable {
        var position: Int, name: String, agency: String
    }

    struct Closed: Encodable, Sendable {
        var name: String, agency: String
    }

    var id: Int64
    var when: String
    var venue: String
    var status: String
    var capacity: Int
    var booked: Int
    var scheduled: Bool
    var started: Bool
    var registerOpen: Bool
    var places: [Place]
    var hasPlaces: Bool
    var waiting: [Waiting]
    var hasWaiting: Bool
    var closed: [Closed]
    var hasClosed: Bool
    var reasons: [ListedValue]
}
