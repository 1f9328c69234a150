import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's learners (issue 22): every agency's, or one agency's, a page at a time and searchable by
/// name, email, job role or team; adding a learner, through the same `addLearner` as `training learner add`; and,
/// for the agency chosen, whether its staff may ask for places from their own page, through the same
/// `setAgencyTakesRequests` as `training agency requests`.
struct LearnersController {
    let site: Site
    var database: AppDatabase { site.database }

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("learners", use: list)
        group.post("learners", use: add)
        group.post("learners/requests", use: setRequests)
    }

    /// Lets the agency named in the form take requests for places from its staff (`takes=on`) or stops it
    /// (`takes=off`), then shows that agency's learners again. An agency not held is "page not found".
    func setRequests(_ request: Request, context: WebContext) async throws -> Response {
        let form = context.form
        guard let agency = form["agency"], let takes = form["takes"], ["on", "off"].contains(takes) else { throw HTTPError(.badRequest) }
        let name = try await database.writing { tx in
            guard let held = try? tx.agency(named: agency) else { throw HTTPError(.notFound) }
            try tx.setAgencyTakesRequests(agencyName: held.name, takes == "on", by: context.actor)
            return held.name
        }
        context.flash(takes == "on" ? "\(name)'s staff can ask for places from their own page; its bookers decide."
                                    : "\(name)'s staff can no longer ask for places; requests already made stay to be decided.")
        return seeOther("/officer/learners?agency=\(OfficerStartRoutes.queryValue(name))")
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = request.query
        return try await learnersPage(context, agency: query["agency"], search: query["q"], page: PageRequest(query["page"]))
    }

    /// Adds a learner to an agency. A refusal (the address taken, an agency not held, a value too long) is
    /// shown on its field, with what was typed.
    func add(_ request: Request, context: WebContext) async throws -> Response {
        let form = context.form
        let values = Dictionary(uniqueKeysWithValues: ["name", "email", "agency", "role", "team"].map { ($0, form[$0] ?? "") })
        var errors: [FieldError] = []
        if form["name"] == nil { errors.append(FieldError(field: "name", message: "Enter the person's full name")) }
        if form["email"] == nil { errors.append(FieldError(field: "email", message: "Enter the person's work email address")) }
        if form["agency"] == nil { errors.append(FieldError(field: "agency", message: "Choose the person's agency")) }
        guard errors.isEmpty, let name = form["name"], let email = form["email"], let agency = form["agency"] else {
            return try await learnersPage(context, values: values, errors: errors)
        }
        do {
            let details = try LearnerDetails(name: name, email: EmailAddress(email, at: InputLocation(field: "email")), agencyName: agency,
                                             jobRole: form["role"], team: form["team"])
            let learner = try await database.writing { try $0.addLearner(details, by: context.actor) }
            context.flash("\(learner.name) is a learner of \(agency).")
            return seeOther("/officer/learners?agency=\(OfficerStartRoutes.queryValue(agency))")
        } catch {
            guard let problems = fieldErrors(error, field: "email", among: ["name", "agency", "team"]) else { throw error }
            return try await learnersPage(context, values: values, errors: problems)
        }
    }

    /// The learners `search` finds among `agency`'s (every agency's when nil), a page at a time. An agency the
    /// partnership does not hold is no page.
    func learnersPage(_ context: WebContext, agency: String? = nil, search text: String? = nil, page: PageRequest = PageRequest(),
                      values: [String: String] = [:], errors: [FieldError] = []) async throws -> Response {
        let (agencies, chosen, search, found, takesRequests) = try await database.reading { view in
            let agencies = try view.agencies().map(\.agency)
            let chosen = try agency.map { name in
                guard let held = agencies.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else { throw HTTPError(.notFound) }
                return held
            }
            let search = LearnerSearch(agencyId: chosen?.id, text: text, includesAnonymised: true)
            return (agencies, chosen, search, try view.learners(matching: search, page: page),
                    try chosen.map { try view.agencyTakesRequests(agencyId: try $0.storedID) })
        }
        let address = QueryAddress(path: "/officer/learners", pairs: [("agency", chosen?.name), ("q", search.text)])
        let total = found.page.total
        return site.pages.render("officer-learners", title: "Learners", OfficerLearnersPage(
            agencies: agencies.map { SelectOption(value: $0.name, label: $0.name, selected: $0.id == chosen?.id) },
            newAgencies: agencies.map { SelectOption(value: $0.name, label: $0.name, selected: $0.name == values["agency"]) },
            search: search.text.nilIfEmpty, count: "\(wholeNumberText(total)) \(total == 1 ? "learner" : "learners")",
            people: found.items.map(OfficerLearnersPage.Person.init), none: found.items.isEmpty,
            paging: PagingLinks.shown(found.page, label: "Pages of learners") { address.page("page", $0) }, values: values,
            requests: chosen.flatMap { agency in takesRequests.map { OfficerLearnersPage.Requests(agency: agency.name, taken: $0) } }
        ), context: context, path: "/officer/learners", errors: errors)
    }
}
