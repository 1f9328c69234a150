import Foundation
import TrainingCore
import TrainingStore

/// Staff due for a refresher (issue 22): each with the course, when it was last done and falls due, and
/// either the place already held or the sessions open to book them on.
struct RefreshersPage: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        /// The learner, as the session's booking form takes them.
        var learnerId: Int64
        var name: String, role: String?, course: String, lastDone: String, due: String, state: String
        var overdue: Bool
        /// The place already held on a coming session of the course, in words; nil when none is.
        var booked: String?
        var sessions: [OpenSession]
        var noSessions: Bool

        init(_ line: RefresherDueLine, open: [SessionSummary]) {
            learnerId = line.staff.learnerId
            name = line.staff.name
            role = line.staff.jobRole
            course = line.course.courseTitle
            lastDone = Display.day(line.refresher.lastDone)
            due = Display.day(line.refresher.dueOn)
            state = line.state == .overdue ? "Overdue" : "Due within \(RefresherDue.dueSoonDays) days"
            overdue = line.state == .overdue
            booked = line.place.map { place in
                (place.status == .waitlisted ? "On the waiting list for " : "Booked on ") + Display.session(place.startsAt, place.endsAt)
            }
            sessions = open.map(OpenSession.init)
            noSessions = open.isEmpty
        }
    }

    /// A session open for booking on the course.
    struct OpenSession: Encodable, Sendable {
        var id: Int64, when: String, venue: String, placesLeft: Int, full: Bool

        init(_ summary: SessionSummary) {
            id = summary.session.id ?? 0
            when = Display.session(summary.session.startsAt, summary.session.endsAt)
            venue = summary.session.venue ?? Display.words(summary.session.delivery.rawValue)
            placesLeft = summary.placesLeft
            full = summary.placesLeft == 0
        }
    }

    var asAt: String
    /// One page of those due, a hospital trust's being thousands long.
    var lines: [Line]
    var none: Bool
    var paging: PagingLinks?

    /// Page `page` of the refreshers `due`, each page's address made by `address` from its number.
    init(_ due: RefreshersDue, page: PageRequest, address: (Int) -> String) {
        let shown = page.page(of: due.lines)
        asAt = Display.day(due.today)
        lines = shown.items.map { Line($0, open: due.openSessions[$0.course.courseId] ?? []) }
        none = due.lines.isEmpty
        paging = PagingLinks.shown(shown.page, label: "Pages of staff due for refresher", address: address)
    }
}

/// The officer's view of refreshers: how many of each agency's staff are due, or one agency's staff due,
/// and the workbooks.
struct OfficerRefreshersPage: Encodable, Sendable {
    /// An agency's count, with the address of its own list.
    struct AgencyCount: Encodable, Sendable {
        var name: String, link: String, staff: Int, dueSoon: Int, overdue: Int
    }

    /// The chosen agency's staff due; nil when no agency is chosen.
    var due: RefreshersPage?
    /// Every agency's counts, when no agency is chosen.
    var counts: [AgencyCount]
    /// The agency chosen, if one is; nil: every agency.
    var agency: String?
    var agencies: [SelectOption]
    /// The chosen agency's compliance workbook, or every agency's.
    var workbookLink: String

    init(due: RefreshersPage?, counts: [AgencyRefresherStanding], agency: String?, agencies: [String]) {
        self.due = due
        self.counts = counts.map {
            AgencyCount(name: $0.agencyName, link: "/officer/refreshers" + Self.query($0.agencyName), staff: $0.staff,
                        dueSoon: $0.dueSoon, overdue: $0.overdue)
        }
        self.agency = agency
        self.agencies = agencies.map { SelectOption(value: $0, label: $0, selected: $0 == agency) }
        workbookLink = "/officer/refreshers/workbook" + (agency.map(Self.query) ?? "")
    }

    /// `?agency=NAME`, the name percent-encoded.
    static func query(_ agency: String) -> String {
        "?agency=" + (agency.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
