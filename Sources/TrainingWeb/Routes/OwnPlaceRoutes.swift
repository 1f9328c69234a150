import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// A learner's own page, "My training" (issue 22), from their personal link, or from the "manage my
/// place" link in each message (issue 18), which opens the same page with its place first: no account,
/// the link is the key. The page shows their places (each with its calendar event, and cancelled by the
/// learner up to the charging cut-off, OwnPlaceRules, seeing what it will cost before they confirm; later,
/// the page says to ask their booker), their requests, their record of learning and certificates, and the
/// evaluations waiting for them; where their agency takes requests, they ask for places from it. A bad
/// link says nothing about anyone; another learner's place is "not
/// found" through this learner's link.
struct OwnPlaceRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to router: Router<WebContext>) {
        router.get("/my/:token") { request, context in try await page(try token(context), request, context) }
        router.get("/my/:token/cancel") { _, context in try await confirmCancel(try token(context), booking: nil, context) }
        router.post("/my/:token/cancel") { _, context in try await cancel(try token(context), booking: nil, context) }
        router.get("/my/:token/places/:booking/cancel") { _, context in try await confirmCancel(try token(context), booking: try booking(context), context) }
        router.post("/my/:token/places/:booking/cancel") { _, context in try await cancel(try token(context), booking: try booking(context), context) }
        router.get("/my/:token/places/:booking/calendar.ics") { _, context in try await calendar(try token(context), booking: try booking(context), context) }
        router.get("/my/:token/sessions") { _, context in try await sessions(try token(context), context) }
        router.post("/my/:token/sessions/:session/request") { _, context in
            try await request(try token(context), session: try context.parameters.require("session", as: Int64.self), context)
        }
        router.post("/my/:token/evaluations/:invitation") { _, context in
            try await evaluation(try token(context), invitation: try context.parameters.require("invitation", as: Int64.self), context)
        }
    }

    func token(_ context: WebContext) throws -> String { try context.parameters.require("token") }
    func booking(_ context: WebContext) throws -> Int64 { try context.parameters.require("booking", as: Int64.self) }

    /// The learner's page, or the page for a link that cannot be used.
    func page(_ token: String, _ request: Request, _ context: WebContext) async throws -> Response {
        let training: OwnTraining
        do {
            training = try await database.reading { try $0.ownTraining(token: token) }
        } catch let error as PlaceLinkError {
            return refused(error, context)
        }
        let title = training.linkedPlace.map { "Your place on \($0.courseTitle)" } ?? "Your training"
        let notice = request.uri.queryParameters["requested"] == nil ? nil
            : "Your request has gone to your agency's booker. You will be emailed when they decide."
        return site.pages.render("own-training", title: title, OwnTrainingPage(token: token, training: training, now: database.currentTime(), notice: notice), context: context)
    }

    /// The sessions the learner may ask for a place on (their agency taking requests).
    func sessions(_ token: String, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        let sessions: [SessionSummary]
        do {
            sessions = try await database.reading { try $0.sessionsToRequest(token: token) }
        } catch let error as PlaceLinkError {
            return refused(error, context)
        }
        return site.pages.render("own-sessions", title: "Ask for a place", OwnSessionsPage(token: token, sessions: sessions), context: context,
                                 errors: errors)
    }

    /// The learner asks for a place; their agency's bookers are told.
    func request(_ token: String, session: Int64, _ context: WebContext) async throws -> Response {
        do {
            try await database.writing { try $0.requestPlace(token: token, session: session) }
            return seeOther("/my/\(token)?requested=1#requests")
        } catch let error as PlaceLinkError {
            return refused(error, context)
        } catch is UnknownSession {
            throw HTTPError(.notFound)
        } catch let refusal as PlaceRequestRefusal {
            return try await sessions(token, context, errors: [FieldError(field: "sessions", message: refusal.localizedDescription.capitalizedFirst)])
        }
    }

    /// The place, the link's own (`booking` nil) or one of the learner's; or why the link cannot open it.
    func opened(_ token: String, booking: Int64?) async throws -> Result<OwnPlace, PlaceLinkError> {
        do {
            return .success(try await database.reading { view in try booking.map { try view.ownPlace(token: token, booking: $0) } ?? view.ownPlace(token: token) })
        } catch let error as PlaceLinkError {
            return .failure(error)
        }
    }

    func confirmCancel(_ token: String, booking: Int64?, _ context: WebContext, errors: [FieldError] = []) async throws -> Response {
        switch try await opened(token, booking: booking) {
        case .failure(let error): return refused(error, context)
        case .success(let place):
            guard place.learnerMayCancel else { return refused(.askYourBooker, context) }
            return site.pages.render("own-place-cancel", title: "Cancel your place on \(place.courseTitle)?",
                                     OwnPlacePage(token: token, place: place, ownLink: booking == nil), context: context, errors: errors)
        }
    }

    func cancel(_ token: String, booking: Int64?, _ context: WebContext) async throws -> Response {
        let reason = context.form["reason"]
        do {
            let outcome = try await database.writing { tx in
                try booking.map { try tx.cancelOwnPlace(token: token, booking: $0, reason: reason) } ?? tx.cancelOwnPlace(token: token, reason: reason)
            }
            return site.pages.render("own-place-cancelled", title: "Your place is cancelled",
                                     OwnPlaceCancelledPage(charge: outcome.charge.flatMap { $0.amountPence > 0 ? Pence($0.amountPence).description : nil },
                                                           backPath: booking.map { _ in "/my/\(token)" }),
                                     context: context)
        } catch let error as PlaceLinkError {
            return refused(error, context)
        } catch {
            guard let problems = fieldErrors(error, field: "reason", among: ["reason"]) else { throw error }
            return try await confirmCancel(token, booking: booking, context, errors: problems)
        }
    }

    /// One of the learner's places as a calendar event to download (`.ics`), the same event the emails carry.
    func calendar(_ token: String, booking: Int64, _ context: WebContext) async throws -> Response {
        let event: CalendarEvent
        do {
            event = try await database.reading { view in
                _ = try view.ownPlace(token: token, booking: booking)
                return try view.calendarEvent(booking: booking)
            }
        } catch let error as PlaceLinkError {
            return refused(error, context)
        }
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                               .contentDisposition: Download.contentDisposition(filename: "place-\(booking).ics")],
                        body: .init(byteBuffer: ByteBuffer(string: event.render())))
    }

    /// Sends the learner to one of their evaluations or follow-ups, with a link made for it now.
    func evaluation(_ token: String, invitation: Int64, _ context: WebContext) async throws -> Response {
        do {
            return seeOther(try await database.writing { try $0.openOwnEvaluation(token: token, invitation: invitation) })
        } catch let error as PlaceLinkError {
            return refused(error, context)
        }
    }

    func refused(_ error: PlaceLinkError, _ context: WebContext) -> Response {
        site.pages.render("error", title: error == .askYourBooker ? "Ask the person who booked your place" : "This link cannot be used",
                          ErrorPage(message: error.localizedDescription.capitalizedFirst), context: context,
                          status: error == .unknown ? .notFound : error == .askYourBooker ? .ok : .gone)
    }
}
