import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// Refreshers and compliance (issue 22). A booker: the agency's staff due for a refresher, each with the
/// sessions open to book them on (the booking goes to the session's own booking form, under the same rules),
/// and the agency's compliance workbook — nothing of any other agency. The officer: how many of each
/// agency's staff are due, one agency's staff due, and the workbook of one agency or of every agency.
struct RefresherRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func addBooker(to group: RouterGroup<WebContext>) {
        group.get("refreshers") { request, context in try await bookerPage(context, page: PageRequest(request.query["page"])) }
        group.get("refreshers/workbook") { _, context in try await bookerWorkbook(context) }
    }

    func addOfficer(to group: RouterGroup<WebContext>) {
        group.get("refreshers") { request, context in try await officerPage(request, context) }
        group.get("refreshers/workbook") { request, context in try await officerWorkbook(request, context) }
    }

    func bookerPage(_ context: WebContext, page: PageRequest) async throws -> Response {
        let agency = try BookerRoutes(site: site).agency(context)
        let due = try await database.reading { try $0.refreshersDue(agencyId: agency.id) }
        let address = QueryAddress(path: "/agency/refreshers")
        return site.pages.render("booker-refreshers", title: "Due for refresher", RefreshersPage(due, page: page) { address.page("page", $0) },
                                 context: context, path: "/agency/refreshers")
    }

    func bookerWorkbook(_ context: WebContext) async throws -> Response {
        let agency = try BookerRoutes(site: site).agency(context)
        return try await site.workbookDownload { view, folder in try ComplianceWorkbook.write(agencyName: agency.name, from: view, into: folder) }
    }

    /// The agency the query names (none: every agency); one that does not exist is "page not found".
    func chosenAgency(_ request: Request, on view: some StoreReading) throws -> Agency? {
        guard let name = request.query["agency"], !name.isEmpty else { return nil }
        guard let agency = try? view.agency(named: name) else { throw HTTPError(.notFound) }
        return agency
    }

    /// Every agency's counts of staff due, or, for the agency the query names, its staff due.
    func officerPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let (agency, due, counts, agencies) = try await database.reading { view in
            let agency = try chosenAgency(request, on: view)
            let agencies = try view.agencies().map(\.agency.name)
            guard let agency else { return (agency, RefreshersDue?.none, try view.refresherStandingByAgency(), agencies) }
            return (agency, try view.refreshersDue(agencyId: agency.id), [], agencies)
        }
        let address = QueryAddress(path: "/officer/refreshers").with("agency", agency?.name)
        return site.pages.render("officer-refreshers", title: agency.map { "Refreshers: \($0.name)" } ?? "Refreshers", OfficerRefreshersPage(
            due: due.map { RefreshersPage($0, page: PageRequest(request.query["page"])) { address.page("page", $0) } }, counts: counts, agency: agency?.name, agencies: agencies
        ), context: context, path: "/officer/refreshers")
    }

    func officerWorkbook(_ request: Request, _ context: WebContext) async throws -> Response {
        try await site.workbookDownload { view, folder in
            try ComplianceWorkbook.write(agencyName: try chosenAgency(request, on: view)?.name, from: view, into: folder)
        }
    }
}
