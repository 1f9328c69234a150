import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// A booker's requests from their agency's staff for places (issue 22): those waiting for a decision,
/// each approved (a booking like any other: a confirmed place, or the waiting list if the session filled
/// meanwhile) or declined with a reason the learner is told; and those decided lately. Another agency's
/// request is "page not found", whatever its number.
struct BookerRequestRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("requests") { _, context in try await requests(context) }
        group.post("requests/:request/approve") { _, context in try await approve(try requestId(context), context) }
        group.get("requests/:request/decline") { _, context in try await declinePage(try requestId(context), context) }
        group.post("requests/:request/decline") { _, context in try await decline(try requestId(context), context) }
    }

    func agency(_ context: WebContext) throws -> (id: Int64, name: String) {
        try BookerRoutes(site: site).agency(context)
    }

    func requestId(_ context: WebContext) throws -> Int64 {
        try context.parameters.require("request", as: Int64.self)
    }

    func requests(_ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        let agency = try agency(context)
        let (lines, takes) = try await database.reading { view in
            (try view.agencyPlaceRequests(agencyId: agency.id), try view.agencyTakesRequests(agencyId: agency.id))
        }
        return site.pages.render("booker-requests", title: "Requests for places", BookerRequestsPage(lines: lines, takesRequests: takes),
                                 context: context, path: "/agency/requests", errors: errors)
    }

    /// The request, only if it is the agency's.
    func agencyLine(_ id: Int64, of agency: Int64, on view: some StoreReading) throws -> PlaceRequestLine {
        guard let line = try view.agencyPlaceRequests(agencyId: agency).first(where: { $0.request.id == id }) else { throw HTTPError(.notFound) }
        return line
    }

    func approve(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        do {
            let (line, outcome) = try await database.writing { tx in
                let line = try agencyLine(id, of: agency.id, on: tx)
                return (line, try tx.approvePlaceRequest(id, agencyId: agency.id, by: context.actor))
            }
            context.flash(outcome.placed == .confirmed
                ? "\(line.learnerName)'s request is approved: their place on \(line.courseTitle) is confirmed."
                : "\(line.learnerName)'s request is approved: the session is full, so they are on the waiting list (\(outcome.waitingPosition + 1) in the queue).")
            return seeOther("/agency/requests")
        } catch is UnknownPlaceRequest {
            throw HTTPError(.notFound)
        } catch {
            guard let problems = fieldErrors(error, field: "requests") else { throw error }
            return try await requests(context, errors: problems)
        }
    }

    func declinePage(_ id: Int64, _ context: WebContext, errors: [FieldError] = [], reason: String? = nil) async throws -> Response {
        let agency = try agency(context)
        let line = try await database.reading { view in try agencyLine(id, of: agency.id, on: view) }
        return site.pages.render("booker-request-decline", title: "Decline \(line.learnerName)'s request?",
                                 DeclineRequestPage(line: line, reason: reason), context: context, path: "/agency/requests", errors: errors)
    }

    func decline(_ id: Int64, _ context: WebContext) async throws -> Response {
        let agency = try agency(context)
        let reason = context.form["reason"]
        guard reason != nil else {
            return try await declinePage(id, context, errors: [FieldError(field: "reason", message: "Say why the request is declined: the learner is told")])
        }
        do {
            let line = try await database.writing { tx in
                let line = try agencyLine(id, of: agency.id, on: tx)
                try tx.declinePlaceRequest(id, agencyId: agency.id, reason: reason, by: context.actor)
                return line
            }
            context.flash("\(line.learnerName)'s request for a place on \(line.courseTitle) is declined; they have been told why.")
            return seeOther("/agency/requests")
        } catch is UnknownPlaceRequest {
            throw HTTPError(.notFound)
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return try await declinePage(id, context, errors: problems, reason: reason)
        }
    }
}
