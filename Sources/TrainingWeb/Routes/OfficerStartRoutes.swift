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

extension Templates {
    /// The officer's start page: one section a matter, each a table with its caption and row headers whose
    /// links name the session, agency or pool they go to, or the words that nothing needs attention.
    static let officerStart: [String: String] = [
        "officer-start": """
            {{<layout}}{{$content}}
            <p>Today is {{today}}. <a href="/officer/sessions">See every session</a> or <a href="/officer/sessions/new">schedule a session</a>.</p>
            {{#underMinimum}}<h2 id="{{id}}">{{heading}}</h2>
            <p>Sessions with fewer places booked than they need to run, from {{within}} working days before bookings close.</p>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Session</th><th scope="col" class="number">Booked</th><th scope="col" class="number">Minimum</th><th scope="col">Decide by</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/sessions/{{id}}">{{course}}, {{when}}</a></th><td class="number">{{booked}}</td><td class="number">{{minimum}}</td><td>{{decideBy}}</td></tr>{{/lines}}</tbody></table></div>
            {{/empty}}{{/underMinimum}}
            {{#registers}}<h2 id="{{id}}">{{heading}}</h2>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Session</th><th scope="col">Ended</th><th scope="col" class="number">Places not marked</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/sessions/{{id}}#register">{{course}}, {{when}}</a></th><td>{{ended}}</td><td class="number">{{unmarked}}</td></tr>{{/lines}}</tbody></table></div>
            {{/empty}}{{/registers}}
            {{#notDelivered}}<h2 id="{{id}}">{{heading}}</h2>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <p>Their registers are complete: mark each delivered on its page, which sends the evaluation invitations.</p>
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Session</th><th scope="col">Ended</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/sessions/{{id}}">{{course}}, {{when}}</a></th><td>{{ended}}</td></tr>{{/lines}}</tbody></table></div>
            {{/empty}}{{/notDelivered}}
            {{#waiting}}<h2 id="{{id}}">{{heading}}</h2>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Session</th><th scope="col" class="number">Places free</th><th scope="col" class="number">Waiting</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/sessions/{{id}}">{{course}}, {{when}}</a></th><td class="number">{{free}}</td><td class="number">{{waiting}}</td></tr>{{/lines}}</tbody></table></div>
            {{/empty}}{{/waiting}}
            {{#charges}}<h2 id="{{id}}">{{heading}}</h2>
            <p>Payable charges raised up to the end of {{quarter}} that no invoice holds yet.</p>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col" class="number">Charges</th><th scope="col" class="number">Amount</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/charges?agency={{query}}">{{agency}}<span class="visually-hidden">: charges</span></a></th><td class="number">{{count}}</td><td class="number">{{amount}}</td></tr>{{/lines}}</tbody></table></div>
            <p><a href="/officer/invoices/raise">Raise the invoices of {{quarter}}</a></p>
            {{/empty}}{{/charges}}
            {{#pools}}<h2 id="{{id}}">{{heading}}</h2>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Pool</th><th scope="col">Contract ends</th><th scope="col" class="number">Left</th><th scope="col">Why</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/licences">{{pool}}</a></th><td>{{ends}}</td><td class="number">{{left}} of {{bought}}</td><td>{{why}}</td></tr>{{/lines}}</tbody></table></div>
            <p><a href="/officer/licences/buy">Record a purchase of licences</a></p>
            {{/empty}}{{/pools}}
            {{#responses}}<h2 id="{{id}}">{{heading}}</h2>
            <p>Sessions delivered in the last month whose evaluations came back from under half of those who attended. The counts and the rate are always shown; what people answered is read on the evaluations page only from groups of {{minimumGroup}} or more.</p>
            {{#empty}}<p>{{nothing}}</p>{{/empty}}{{^empty}}
            <div class="table-wrap" role="region" aria-label="Table: {{heading}}" tabindex="0"><table><caption class="visually-hidden">{{heading}}</caption>
            <thead><tr><th scope="col">Session</th><th scope="col" class="number">Attended</th><th scope="col" class="number">Responses</th><th scope="col" class="number">Response rate</th></tr></thead>
            <tbody>{{#lines}}<tr><th scope="row"><a href="/officer/sessions/{{id}}">{{course}}, {{when}}</a></th><td class="number">{{attended}}</td><td class="number">{{responses}}</td><td class="number">{{rate}}</td></tr>{{/lines}}</tbody></table></div>
            <p>New links for unanswered evaluations are issued from the command line: <code>training evaluations due --resend</code>. <a href="/officer/evaluations">Response rates by course</a></p>
            {{/empty}}{{/responses}}
            {{/content}}{{/layout}}
            """,
    ]
}
