import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import ServiceLifecycle
import TrainingCore
import TrainingStore

/// How the web application runs.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Mark the session cookie `Secure` (served over HTTPS, usually behind a proxy that terminates TLS).
    public var secureCookies: Bool
    /// A session unused for this long is ended.
    public var idleTimeout: TimeInterval
    /// The real time, by which sessions and failed sign-ins are timed (tests move it); the programme's own
    /// dates follow the database's clock.
    public var clock: @Sendable () -> Date
    /// The server is reached only through a proxy that appends the client's address to `X-Forwarded-For`;
    /// without this every client behind the proxy would count as one.
    public var trustProxy: Bool
    /// How failed sign-ins slow further attempts.
    public var throttle: SignInThrottle
    /// At most this many password checks run at once ...
    public var concurrentPasswordChecks: Int
    /// ... and at most this many wait; more sign-ins are told the service is busy.
    public var waitingPasswordChecks: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, idleTimeout: TimeInterval = 30 * 60,
                clock: @escaping @Sendable () -> Date = Date.init, trustProxy: Bool = false, throttle: SignInThrottle = SignInThrottle(),
                concurrentPasswordChecks: Int = 2, waitingPasswordChecks: Int = 8) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.clock = clock
        self.trustProxy = trustProxy
        self.throttle = throttle
        self.concurrentPasswordChecks = concurrentPasswordChecks
        self.waitingPasswordChecks = waitingPasswordChecks
    }
}

/// The web application: server-rendered pages over the same `TrainingStore` functions the command line
/// uses, with no rules of its own.
public enum WebApplication {
    /// The application, ready to run (it stops gracefully on SIGINT or SIGTERM, finishing requests in flight).
    /// `services` run beside the server and stop with it (the mail service).
    public static func make(database: AppDatabase, configuration: WebConfiguration, services: [any Service] = [],
                            logger: Logger) throws -> some ApplicationProtocol {
        try database.removeExpiredWebSessions(at: configuration.clock())
        return Application(router: try router(database: database, configuration: configuration),
                     configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
                     services: services, logger: logger)
    }

    /// The session cookie's name.
    static let sessionCookie = "training_session"
    /// A session ends this long after signing in, however active.
    static let sessionLifetime: TimeInterval = 12 * 60 * 60

    /// Every route, behind its middleware: the request log (route patterns only), security headers and
    /// error pages for all; the session (signed-in people only); the form token of every page and its
    /// check on every POST; the layout's values from the database (the partnership's name, the session's
    /// person); the sign-in check and the role check on each part of the site.
    static func router(database: AppDatabase, configuration: WebConfiguration, gate: PasswordCheckGate? = nil) throws -> Router<WebContext> {
        let pages = try Pages()
        let router = Router(context: WebContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(secure: configuration.secureCookies))
        router.add(middleware: ErrorPageMiddleware(pages: pages, database: database))
        router.add(middleware: SessionMiddleware(
            storage: DatabaseSessionDriver(database: database, clock: configuration.clock, idleTimeout: configuration.idleTimeout,
                                           lifetime: sessionLifetime),
            configuration: .init(sessionCookieParameters: .init(name: sessionCookie, path: "/", secure: configuration.secureCookies,
                                                                sameSite: .lax),
                                 defaultSessionExpiration: .seconds(Int64(sessionLifetime)))))
        router.add(middleware: FormMiddleware(tokens: AnonymousFormTokens(), secureCookies: configuration.secureCookies))

        let styleSheet = try WebResources.contents(of: WebResources.styleSheet)
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: styleSheet))
        }
        router.get("/health") { _, _ in "ok" }
        // The pages, added after it, have the layout's values read (the style sheet and the health check need none).
        router.add(middleware: LayoutMiddleware(database: database))
        let site = Site(database: database, pages: pages, configuration: configuration,
                        signIns: SignInDefences(configuration: configuration, gate: gate))
        SignInRoutes(site: site).add(to: router)
        LearnerRoutes(site: site).add(to: router)
        OwnPlaceRoutes(site: site).add(to: router)
        VerifyRoutes(site: site).add(to: router)
        LinkRequestRoutes(site: site).add(to: router)
        OwnCertificateRoutes(site: site).add(to: router)

        let signedIn = router.group().add(middleware: SignedInMiddleware(idleTimeout: configuration.idleTimeout, clock: configuration.clock))
        signedIn.get("/", use: landing)
        let booker = signedIn.group("agency").add(middleware: RoleMiddleware(allowed: [.booker]))
        BookerRoutes(site: site).add(to: booker)
        BookerRequestRoutes(site: site).add(to: booker)
        RefresherRoutes(site: site).addBooker(to: booker)
        BookerCertificateRoutes(site: site).add(to: booker)
        let officer = signedIn.group("officer").add(middleware: RoleMiddleware(allowed: [.officer]))
        OfficerStartRoutes(site: site).add(to: officer)
        OfficerRoutes(site: site).add(to: officer)
        CatalogueController(site: site).addRoutes(to: officer)
        LicencesController(site: site).addRoutes(to: officer)
        ChargesController(site: site).addRoutes(to: officer)
        EvaluationsController(site: site).addRoutes(to: officer)
        MessagesController(site: site).addRoutes(to: officer)
        RefresherRoutes(site: site).addOfficer(to: officer)
        LearnersController(site: site).addRoutes(to: officer)
        BoardRoutes(site: site).add(to: signedIn.group("board").add(middleware: RoleMiddleware(allowed: [.board, .officer])))
        return router
    }
}

/// Where a signed-in person starts: their role's first page.
@Sendable func landing(_ request: Request, context: WebContext) throws -> Response {
    switch try context.requireUser().role {
    case .officer: seeOther("/officer")
    case .booker: seeOther("/agency")
    case .board: seeOther("/board")
    }
}

/// What every group of routes works with.
struct Site: Sendable {
    let database: AppDatabase
    let pages: Pages
    let configuration: WebConfiguration
    let signIns: SignInDefences
    /// How often "send me my link" is answered.
    let linkRequests = LinkRequestDefences()
}

/// What stands between a sign-in form and bcrypt: the throttle, the failures of client addresses and of
/// emails that belong to nobody (in memory; an account's own are in the database), and the gate that
/// limits how many passwords are checked at once.
struct SignInDefences: Sendable {
    let throttle: SignInThrottle
    let clients: RecentFailures
    /// Failures against emails with no account, counted like an account's so that the throttle does not
    /// tell which emails have one.
    let unknownEmails: RecentFailures
    let gate: PasswordCheckGate

    init(configuration: WebConfiguration, gate: PasswordCheckGate? = nil) {
        throttle = configuration.throttle
        clients = RecentFailures(throttle: configuration.throttle)
        unknownEmails = RecentFailures(throttle: configuration.throttle)
        self.gate = gate ?? PasswordCheckGate(permits: configuration.concurrentPasswordChecks, queueLimit: configuration.waitingPasswordChecks)
    }
}
