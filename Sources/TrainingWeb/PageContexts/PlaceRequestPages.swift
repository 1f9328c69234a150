import Foundation
import TrainingCore
import TrainingStore

/// A booker's requests for places from their staff: those waiting, then those decided lately.
struct BookerRequestsPage: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var id: Int64
        var name: String
        var course: String
        var when: String
        var asked: String
        var decideBy: String
        var places: String
        var state: String
        var decidedAt: String?
        var reason: String?
    }

    var waiting: [Line]
    var hasWaiting: Bool
    var decided: [Line]
    var hasDecided: Bool
    var takesRequests: Bool

    init(lines: [PlaceRequestLine], takesRequests: Bool) {
        let shown = lines.map { line in
            Line(id: line.request.id ?? 0, name: line.learnerName, course: line.courseTitle, when: Display.session(line.startsAt, line.endsAt),
                 asked: Display.instant(line.request.requestedAt), decideBy: Display.instant(line.decideBy),
                 places: line.placesLeft == 0 ? "Full: approving puts them on the waiting list" : "\(line.placesLeft) left",
                 state: Self.words(line.state), decidedAt: line.request.decidedAt.map(Display.instant),
                 reason: line.state == .declined ? line.request.reason : nil)
        }
        waiting = zip(lines, shown).filter { $0.0.state == .requested }.map(\.1)
        decided = zip(lines, shown).filter { $0.0.state != .requested }.map(\.1)
        hasWaiting = !waiting.isEmpty
        hasDecided = !decided.isEmpty
        self.takesRequests = takesRequests
    }

    /// Where a request stands, as the booker reads it.
    static func words(_ state: PlaceRequestState) -> String {
        switch state {
        case .requested: "Waiting"
        case .approved: "Approved"
        case .declined: "Declined"
        case .lapsed: "Lapsed: not decided before bookings closed"
        }
    }
}

/// Declining one request, with the reason the learner is told.
struct DeclineRequestPage: Encodable, Sendable {
    var id: Int64
    var name: String
    var course: String
    var when: String
    var reason: String?

    init(line: PlaceRequestLine, reason: String?) {
        id = line.request.id ?? 0
        name = line.learnerName
        course = line.courseTitle
        when = Display.session(line.startsAt, line.endsAt)
        self.reason = reason
    }
}

/// The sessions a learner may ask for a place on, from their own page.
struct OwnSessionsPage: Encodable, Sendable {
    struct Session: Encodable, Sendable {
        var id: Int64
        var course: String
        var level: String
        var when: String
        var venue: String
        var placesLeft: String
        /// When bookings close, and with them requests.
        var closes: String
    }

    var token: String
    var sessions: [Session]
    var none: Bool

    init(token: String, sessions: [SessionSummary]) {
        self.token = token
        self.sessions = sessions.map { summary in
            Session(id: summary.session.id ?? 0, course: summary.courseTitle, level: summary.level.rawValue.capitalizedFirst,
                    when: Display.session(summary.session.startsAt, summary.session.endsAt),
                    venue: summary.session.venue ?? (summary.session.onlineURL == nil ? Display.words(summary.session.delivery.rawValue) : "Online"),
                    placesLeft: summary.placesLeft == 0 ? "Full: a place would be on the waiting list" : String(summary.placesLeft),
                    closes: Display.instant(PlaceRequestRules.decideBy(summary.session.bookingWindow)))
        }
        none = sessions.isEmpty
    }
}
