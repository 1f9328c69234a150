import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// A learner's own place, from the "manage my place" link in each message (issue 18): no account, the
/// link is the key until the session starts. The page shows the place; the learner may cancel it up to
/// the charging cut-off (OwnPlaceRules), seeing what it will cost before they confirm; later, the page
/// says to ask their booker. A bad link says nothing about anyone.
struct OwnPlaceRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to router: Router<WebContext>) {
        router.get("/my/:token") { _, context in try await place(try context.parameters.require("token"), context) }
        router.get("/my/:token/cancel") { _, context in try await confirmCancel(try context.parameters.require("token"), context) }
        router.post("/my/:token/cancel") { _, context in try await cancel(try context.parameters.require("token"), context) }
    }

    /// The place, or the page for a link that cannot be used.
    func opened(_ token: String, _ context: WebContext) async throws -> Result<OwnPlace, PlaceLinkError> {
        do {
            return .success(try await database.reading { try $0.ownPlace(token: token) })
        } catch let error as PlaceLinkError {
            return .failure(error)
        }
    }

    func place(_ token: String, _ context: WebContext) async throws -> Response {
        switch try await opened(token, context) {
        case .failure(let error): return refused(error, context)
        case .success(let place):
            return site.pages.render("own-place", title: "Your place on \(place.courseTitle)", OwnPlacePage(token: token, place: place),
                                     context: context)
        }
    }

    func confirmCancel(_ token: String, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        switch try await opened(token, context) {
        case .failure(let error): return refused(error, context)
        case .success(let place):
            guard place.learnerMayCancel else { return refused(.askYourBooker, context) }
            return site.pages.render("own-place-cancel", title: "Cancel your place on \(place.courseTitle)?",
                                     OwnPlacePage(token: token, place: place), context: context, errors: errors)
        }
    }

    func cancel(_ token: String, _ context: WebContext) async throws -> Response {
        let reason = context.form["reason"]
        do {
            let outcome = try await database.writing { try $0.cancelOwnPlace(token: token, reason: reason) }
            return site.pages.render("own-place-cancelled", title: "Your place is cancelled",
                                     OwnPlaceCancelledPage(charge: outcome.charge.flatMap { $0.amountPence > 0 ? Pence($0.amountPence).description : nil }),
                                     context: context)
        } catch let error as PlaceLinkError {
            return refused(error, context)
        } catch {
            guard let problems = fieldErrors(error, field: "reason", among: ["reason"]) else { throw error }
            return try await confirmCancel(token, context, errors: problems)
        }
    }

    func refused(_ error: PlaceLinkError, _ context: WebContext) -> Response {
        site.pages.render("error", title: error == .askYourBooker ? "Ask the person who booked your place" : "This link cannot be used",
                          ErrorPage(message: error.localizedDescription.capitalizedFirst), context: context,
                          status: error == .unknown ? .notFound : error == .expired ? .gone : .ok)
    }
}
