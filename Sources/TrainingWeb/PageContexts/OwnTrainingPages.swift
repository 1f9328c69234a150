import Foundation
import TrainingCore
import TrainingStore

/// A learner's own page, "My training", from their personal link (issue 22). Opened by a "manage my
/// place" link, it shows that place first, as the link always has, and the learner's other places after.
struct OwnTrainingPage: Encodable, Sendable {
    /// One of their places still to come.
    struct Place: Encodable, Sendable {
        var course: String
        var when: String
        var venue: String?
        var online: String?
        var status: String
        var calendarPath: String
        /// Where to cancel it, while the learner may (OwnPlaceRules).
        var cancelPath: String?
    }

    /// One of their requests for places.
    struct Request: Encodable, Sendable {
        var course: String
        var when: String
        var asked: String
        var state: String
        var reason: String?
    }

    /// One session or module done.
    struct Learning: Encodable, Sendable {
        var date: String
        var course: String
        var level: String
        var kind: String
        var hours: String
    }

    /// A certificate of one session or module done, and where it is downloaded.
    struct Certificate: Encodable, Sendable {
        var course: String
        var date: String
        var downloadPath: String
    }

    /// An evaluation or follow-up waiting for their answers.
    struct Evaluation: Encodable, Sendable {
        var course: String
        var sessionDate: String
        var kind: String
        var answerPath: String
    }

    /// A course with a refresher interval, and when it falls due again.
    struct Refresher: Encodable, Sendable {
        var course: String
        var lastDone: String
        var dueOn: String
        var state: String
    }

    var token: String
    var name: String
    /// What the learner just did (a request sent), shown once at the top.
    var notice: String?
    /// The place the page's "manage my place" link was made for.
    var linked: OwnPlacePage?
    var places: [Place]
    var hasPlaces: Bool
    var mayRequest: Bool
    var requests: [Request]
    var hasRequests: Bool
    var record: [Learning]
    var hasRecord: Bool
    var totalHours: String
    var certificates: [Certificate]
    var evaluations: [Evaluation]
    var hasEvaluations: Bool
    var refreshers: [Refresher]
    var hasRefreshers: Bool

    /// `now`: the database's time, by which a refresher is due soon or overdue.
    init(token: String, training: OwnTraining, now: Date, notice: String? = nil) {
        self.token = token
        self.notice = notice
        name = training.learnerName
        linked = training.linkedPlace.map { OwnPlacePage(token: token, place: $0) }
        let others = training.places.filter { $0.booking != training.linkedPlace?.booking }
        places = others.map { place in
            Place(course: "\(place.courseTitle) (\(place.level.rawValue.capitalizedFirst))", when: Display.session(place.startsAt, place.endsAt),
                  venue: place.venue, online: place.onlineURL,
                  status: place.waitingPosition.map { "On the waiting list: number \($0)" } ?? "Confirmed",
                  calendarPath: "/my/\(token)/places/\(place.booking)/calendar.ics",
                  cancelPath: place.learnerMayCancel ? "/my/\(token)/places/\(place.booking)/cancel" : nil)
        }
        hasPlaces = !places.isEmpty
        mayRequest = training.mayRequestPlaces
        requests = training.requests.map { line in
            Request(course: line.courseTitle, when: Display.session(line.startsAt, line.endsAt), asked: Display.instant(line.request.requestedAt),
                    state: Self.words(line.state), reason: line.state == .declined ? line.request.reason : nil)
        }
        hasRequests = !requests.isEmpty
        record = training.record.map { learning in
            Learning(date: Display.day(learning.on), course: learning.courseTitle, level: learning.level.rawValue.capitalizedFirst,
                     kind: Self.isSession(learning) ? "Session" : "E-learning", hours: Self.hours(learning.minutes))
        }
        hasRecord = !record.isEmpty
        totalHours = Self.hours(training.record.map(\.minutes).reduce(0, +))
        certificates = training.record.map { learning in
            Certificate(course: learning.courseTitle, date: Display.day(learning.on), downloadPath: Self.certificatePath(learning.kind, token: token))
        }
        evaluations = training.evaluationsDue.map { due in
            Evaluation(course: due.courseTitle, sessionDate: Display.day(due.sessionDate),
                       kind: due.kind == .evaluation ? "Evaluation" : "Follow-up", answerPath: "/my/\(token)/evaluations/\(due.invitationId)")
        }
        hasEvaluations = !evaluations.isEmpty
        let today = LondonTime.date(of: now)
        refreshers = training.refreshers.compactMap { record in
            record.refresher.map { due in
                Refresher(course: record.courseTitle, lastDone: Display.day(record.lastDone), dueOn: Display.day(due.dueOn),
                          state: Self.words(due.state(on: today)))
            }
        }
        hasRefreshers = !refreshers.isEmpty
    }

    /// Where a session's or module's certificate is downloaded (OwnCertificateRoutes).
    static func certificatePath(_ kind: OwnTraining.Learning.Kind, token: String) -> String {
        switch kind {
        case .session(let booking): "/my/\(token)/certificates/session/\(booking)"
        case .eLearning(let allocation): "/my/\(token)/certificates/module/\(allocation)"
        }
    }

    static func isSession(_ learning: OwnTraining.Learning) -> Bool {
        if case .session = learning.kind { return true }
        return false
    }

    /// Minutes as hours, to the quarter hour where they are not whole: "3 hours", "1.5 hours", "0.75 hours".
    static func hours(_ minutes: Int) -> String {
        let quarters = (minutes + 7) / 15
        let text = quarters % 4 == 0 ? String(quarters / 4) : String(format: "%g", Double(quarters) / 4)
        return text == "1" ? "1 hour" : "\(text) hours"
    }

    /// Where the learner stands with a course due again, as they read it.
    static func words(_ state: RefresherState) -> String {
        switch state {
        case .upToDate: "Up to date"
        case .dueSoon: "Due soon: ask for a place or ask your booker"
        case .overdue: "Overdue: ask for a place or ask your booker"
        }
    }

    /// Where a request stands, as the learner reads it.
    static func words(_ state: PlaceRequestState) -> String {
        switch state {
        case .requested: "Waiting for your agency's booker"
        case .approved: "Approved: see your places"
        case .declined: "Declined"
        case .lapsed: "Lapsed: not decided before bookings closed"
        }
    }
}
