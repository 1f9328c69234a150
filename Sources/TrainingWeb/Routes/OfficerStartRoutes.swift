import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's start page: what needs attention today (`AppDatabase.needsAttention`), each line linking to
/// the page where it is dealt with. It shows; it changes nothing. `training today` prints the same.
struct OfficerStartRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("") { _, context in try needsAttention(context) }
    }

    func needsAttention(_ context: WebContext) throws -> Response {
        let report = try database.needsAttention()
        func session(_ summary: SessionSummary) -> [String: Any] {
            ["id": summary.session.id ?? 0, "course": summary.courseTitle, "when": Display.session(summary.session.startsAt, summary.session.endsAt)]
        }
        func section(_ kind: AttentionSection, _ lines: [[String: Any]]) -> [String: Any] {
            ["id": kind.rawValue, "heading": kind.heading, "lines": lines, "empty": lines.isEmpty]
        }
        return site.pages.render("officer-start", title: "Needs attention", [
            "today": Display.day(LondonTime.date(of: report.now)), "within": report.withinWorkingDays, "nothing": NeedsAttention.nothing,
            "underMinimum": section(.underMinimum, report.underMinimum.map { line in
                session(line.summary).merging(["booked": line.summary.placesTaken, "minimum": line.summary.session.minimumNumbers,
                                               "decideBy": Display.day(line.decideBy)]) { first, _ in first }
            }),
            "registers": section(.registersNotTaken, report.registersNotTaken.map { summary in
                session(summary).merging(["unmarked": summary.confirmed, "ended": Display.instant(summary.session.endsAt)]) { first, _ in first }
            }),
            "notDelivered": section(.notDelivered, report.notDelivered.map { summary in
                session(summary).merging(["ended": Display.instant(summary.session.endsAt)]) { first, _ in first }
            }),
            "waiting": section(.waitingListWithPlaces, report.waitingListsWithPlaces.map { summary in
                session(summary).merging(["free": summary.placesLeft, "waiting": summary.waitlisted]) { first, _ in first }
            }),
            "quarter": report.quarterToInvoice.description,
            "charges": section(.chargesNotInvoiced, report.chargesNotInvoiced.map { agency in
                ["agency": agency.agencyName, "query": Self.queryValue(agency.agencyName), "count": agency.charges, "amount": agency.amount.description]
            }),
            "pools": section(.licencePools, report.licencePools.map { line in
                ["pool": Self.poolName(line.status.pool), "ends": line.status.pool.map { Display.day($0.endsOn) } ?? "",
                 "left": line.status.available, "bought": line.status.bought, "why": line.concerns.map(\.description).joined(separator: "; ")]
            }),
            "responses": section(.lowResponseRates, report.lowResponseRates.map { line in
                session(line.summary).merging(["attended": line.summary.attended, "responses": line.responses,
                                               "rate": percentText(line.responseRate)]) { first, _ in first }
            }),
            "minimumGroup": SmallGroup.minimumResponses,
        ], context: context, path: "/officer")
    }

    /// A pool as the licences page names it, with its supplier when known: `Pool 3 (Virtual College)`.
    static func poolName(_ pool: LicencePool?) -> String {
        "Pool \(pool?.id.map(String.init) ?? "")" + (pool?.supplier.map { " (\($0))" } ?? "")
    }

    /// A value for a link's query, every character but letters, digits and `-._~` percent-encoded.
    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}
