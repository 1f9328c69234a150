import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging
import TrainingCore
import TrainingStore

/// Security headers on every response: a content security policy that allows no script at all (the
/// application works without JavaScript) and no framing, no MIME sniffing, no referrer to other sites,
/// and no caching of pages that hold personal data.
struct SecurityHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Loads the signed-in user for every page that needs one, and sends everyone else to the sign-in page.
/// A session idle for longer than `idleTimeout` is ended. The user is read from the database on every
/// request, so an account made inactive stops working at once.
struct SignedInMiddleware: RouterMiddleware {
    let database: AppDatabase
    let idleTimeout: TimeInterval
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard var session = context.sessions.session, let userId = session.userId else {
            return .redirect(to: "/login", type: .normal)
        }
        let instant = clock()
        guard instant.timeIntervalSince(session.lastSeen) <= idleTimeout else {
            context.sessions.clearSession()
            return .redirect(to: "/login?expired=1", type: .normal)
        }
        guard let user = try database.user(id: userId) else {
            context.sessions.clearSession()
            return .redirect(to: "/login", type: .normal)
        }
        if instant.timeIntervalSince(session.lastSeen) > 60 {
            session.lastSeen = instant
            _ = context.sessions.updateSession(session)
        }
        var context = context
        let agencyName = try user.agencyId.map { try database.agencyName(id: $0) }
        context.user = SignedInUser(id: user.id!, email: user.email, name: user.name, role: user.roleValue,
                                    agencyId: user.agencyId, agencyName: agencyName)
        context.csrfToken = session.csrfToken
        context.logger[metadataKey: "user"] = "\(user.email)"
        return try await next(request, context)
    }
}

/// Lets through only the roles a part of the site is for; anyone else gets "page not found", so the
/// site does not even say the page exists.
struct RoleMiddleware: RouterMiddleware {
    let allowed: Set<UserRole>

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let role = context.user?.role, allowed.contains(role) else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }
}

/// Every POST must carry the session's CSRF token in its `csrf` field, compared in constant time; the
/// form is read once here (within the size limit) and handed to the route.
struct FormMiddleware: RouterMiddleware {
    static let limit = 5 * 1024 * 1024

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        let form = try await FormData.read(request, limit: Self.limit)
        guard let expected = context.sessions.session?.csrfToken, let given = form["csrf"],
              constantTimeEqual(Array(expected.utf8), Array(given.utf8)) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from this site. Go back, reload the page and try again.")
        }
        var context = context
        context.form = form
        context.csrfToken = expected
        return try await next(request, context)
    }
}

func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

/// Turns an error no route handled into a page in the site's layout with the right status: "page not
/// found" for a record that does not exist or belongs to someone else, a short apology otherwise.
struct ErrorPageMiddleware: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            let (title, message): (String, String) = switch error.status {
            case .notFound: ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the record may belong to another agency or no longer exist.")
            case .forbidden: ("You cannot do that", error.body ?? "You do not have permission to do that.")
            case .contentTooLarge: ("The file is too large", "Upload a file of 5 MB or less.")
            default: ("There is a problem", error.body ?? "Something went wrong. Try again.")
            }
            return pages.errorPage(title: title, message: message, status: error.status, context: context)
        } catch let error as any UserFacingError {
            // A value in the address that does not read (a year written wrongly, say).
            return pages.errorPage(title: "There is a problem", message: error.localizedDescription.capitalizedFirst, status: .badRequest, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return pages.errorPage(title: "Sorry, there is a problem with the service", message: "Try again later. Nothing was changed.",
                                   status: .internalServerError, context: context)
        }
    }
}
