import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import Logging
import TrainingCore
import TrainingStore

/// Security headers on every response: a content security policy that allows no script at all (the
/// application works without JavaScript) and no framing, no MIME sniffing, no referrer to other sites,
/// no browser feature the site never uses (camera, microphone, location, payment ...), no caching of
/// pages that hold personal data, and — when the site is served over HTTPS (`secureCookies`) — Strict
/// Transport Security, so the browser never again asks for it over plain HTTP.
struct SecurityHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
    /// Every feature a page could ask the browser for, denied: the site shows forms and tables only.
    static let permissionsPolicy = ["accelerometer", "ambient-light-sensor", "autoplay", "battery", "bluetooth", "camera", "display-capture",
                                    "encrypted-media", "fullscreen", "gamepad", "geolocation", "gyroscope", "hid", "idle-detection",
                                    "local-fonts", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
                                    "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "web-share", "xr-spatial-tracking"]
        .map { "\($0)=()" }.joined(separator: ", ")
    /// Two years, subdomains included (the value HSTS preload lists ask for).
    static let strictTransportSecurity = "max-age=63072000; includeSubDomains"

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let permissionsPolicyName = HTTPField.Name("Permissions-Policy")!

    /// Whether the site is served over HTTPS.
    var secure = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.permissionsPolicyName] = Self.permissionsPolicy
        if secure { response.headers[.strictTransportSecurity] = Self.strictTransportSecurity }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Logs one line per request: the method, the route's pattern (`/evaluate/{token}`, never the token
/// itself), the status and the time taken. The path as requested is never logged, nor the query: a
/// personal link's token, a person's email and the like stay out of the log whatever the route. A
/// request that matched no route is logged as the router names it (`NotFound`).
struct RequestLogMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = HTTPResponse.Status.internalServerError
        defer {
            let elapsed = started.duration(to: .now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info("request", metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "(no route)")",
                "status": "\(status.code)",
                "ms": "\(String(format: "%.1f", milliseconds))",
            ])
        }
        do {
            let response = try await next(request, context)
            status = response.status
            return response
        } catch let error as any HTTPResponseError {
            status = error.status
            throw error
        }
    }
}

/// Reads, in one reading of the store, what every page's layout shows from the database: the partnership's
/// name and the person the session names (an active user, with their agency's name). It runs before every
/// route, so the user is read on every request and an account made inactive stops working at once; pages
/// are then rendered without waiting on the database.
struct LayoutMiddleware: RouterMiddleware {
    let database: AppDatabase

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let userId = context.sessions.session?.userId
        var context = context
        (context.partnership, context.sessionUser) = try await database.reading { view in
            let user = try userId.flatMap { try view.user(id: $0) }
            return ((try? view.settings().partnershipName),
                    try user.map { user in
                        SignedInUser(id: try user.storedID, email: user.email, name: user.name, role: user.role,
                                     agencyId: user.agencyId, agencyName: try user.agencyId.map { try view.agencyName(id: $0) },
                                     waitingRequests: try user.role == .booker ? user.agencyId.flatMap { try Self.waitingRequests(of: $0, on: view) } : nil)
                    })
        }
        return try await next(request, context)
    }

    /// How many of an agency's requests for places wait for a decision, when it takes requests or has some.
    static func waitingRequests(of agencyId: Int64, on view: ReadOnlyStore) throws -> Int? {
        let waiting = try view.waitingPlaceRequestCount(agencyId: agencyId)
        return try waiting > 0 || view.agencyTakesRequests(agencyId: agencyId) ? waiting : nil
    }
}

/// Lets through, for every page that needs one, a signed-in person whose account is active (as
/// `LayoutMiddleware` read it), and sends everyone else to the sign-in page. A session idle for longer
/// than `idleTimeout` is ended.
struct SignedInMiddleware: RouterMiddleware {
    let idleTimeout: TimeInterval
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard var session = context.sessions.session, let userId = session.userId else {
            // A session cookie whose session has gone was ended by time (or by a password reset).
            let ended = request.cookies[WebApplication.sessionCookie] != nil
            return .redirect(to: ended ? "/login?expired=1" : "/login", type: .normal)
        }
        let instant = clock()
        guard instant.timeIntervalSince(session.lastSeen) <= idleTimeout else {
            context.sessions.clearSession()
            return .redirect(to: "/login?expired=1", type: .normal)
        }
        guard let user = context.sessionUser, user.id == userId else {
            context.sessions.clearSession()
            return .redirect(to: "/login", type: .normal)
        }
        if instant.timeIntervalSince(session.lastSeen) > 60 {
            session.lastSeen = instant
            _ = context.sessions.updateSession(session)
        }
        var context = context
        context.user = user
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

/// One CSRF defence for every form. Each request is given its form token: a signed-in person's is their
/// session's; a visitor who has not signed in gets `AnonymousFormTokens`' signed double-submit cookie
/// (set here on the first page they see; no session is stored for them). Every POST must carry its
/// token in the `csrf` field, compared in constant time. A POST with neither a session nor the form
/// cookie is refused before its body is read, and a visitor's body is read only up to `anonymousLimit`
/// (the largest learner's evaluation); a signed-in person's up to `limit` (an upload). The form is read
/// once here and handed to the route.
struct FormMiddleware: RouterMiddleware {
    static let limit = 5 * 1024 * 1024
    static let anonymousLimit = 256 * 1024
    static let refusal = "This form has expired or did not come from this site. Go back, reload the page and try again."

    let tokens: AnonymousFormTokens
    var secureCookies = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        var newCookie: String?
        let signedIn = context.sessions.session != nil
        if let session = context.sessions.session {
            context.csrfToken = session.csrfToken
        } else if let value = request.cookies[AnonymousFormTokens.cookieName]?.value, AnonymousFormTokens.isWellFormed(value) {
            context.csrfToken = tokens.token(for: value)
        } else if request.method != .post {
            let value = SecretToken.make()
            newCookie = value
            context.csrfToken = tokens.token(for: value)
        }
        if request.method == .post {
            guard let expected = context.csrfToken else { throw HTTPError(.forbidden, message: Self.refusal) }
            let form = try await FormData.read(request, limit: signedIn ? Self.limit : Self.anonymousLimit)
            guard let given = form["csrf"], constantTimeEqual(Array(expected.utf8), Array(given.utf8)) else {
                throw HTTPError(.forbidden, message: Self.refusal)
            }
            context.form = form
        }
        var response = try await next(request, context)
        if let newCookie { response.headers[values: .setCookie].append(tokens.cookie(newCookie, secure: secureCookies)) }
        return response
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
    let database: AppDatabase

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Ours (HTTPError) and the framework's (a body over the limit, say): each with its own status,
            // never as a failure of the service.
            let body = (error as? HTTPError)?.body
            let (title, message): (String, String) = switch error.status {
            case .notFound: ("Page not found", "If you typed the web address, check it is correct. If you followed a link, the record may belong to another agency or no longer exist.")
            case .forbidden: ("You cannot do that", body ?? "You do not have permission to do that.")
            case .contentTooLarge: ("The file is too large", "Upload a file of 5 MB or less.")
            default: ("There is a problem", body ?? "Something went wrong. Try again.")
            }
            return await errorPage(title: title, message: message, status: error.status, context)
        } catch let error as any UserFacingError {
            // A value in the address that does not read (a year written wrongly, say).
            return await errorPage(title: "There is a problem", message: error.localizedDescription.capitalizedFirst, status: .badRequest, context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return await errorPage(title: "Sorry, there is a problem with the service", message: "Try again later. Nothing was changed.",
                                   status: .internalServerError, context)
        }
    }

    /// The error page, with the partnership's name read in a reading of its own (this middleware runs
    /// outside `LayoutMiddleware`); when the database cannot be read (the very fault the page may be
    /// about), with the usual name.
    func errorPage(title: String, message: String, status: HTTPResponse.Status, _ context: WebContext) async -> Response {
        var context = context
        context.partnership = try? await database.reading { try $0.settings().partnershipName }
        return pages.errorPage(title: title, message: message, status: status, context: context)
    }
}
