import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
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
    /// The real time, by which sessions are timed (tests move it); the programme's own dates follow the
    /// database's clock.
    public var clock: @Sendable () -> Date

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, idleTimeout: TimeInterval = 30 * 60,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.idleTimeout = idleTimeout
        self.clock = clock
    }
}

/// The web application: server-rendered pages over the same `TrainingStore` functions the command line
/// uses, with no rules of its own.
public enum WebApplication {
    /// The application, ready to run (it stops gracefully on SIGINT or SIGTERM, finishing requests in flight).
    public static func make(database: AppDatabase, configuration: WebConfiguration, logger: Logger) throws -> some ApplicationProtocol {
        Application(router: try router(database: database, configuration: configuration),
                     configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
                     logger: logger)
    }

    /// Every route, behind its middleware: security headers and error pages for all; the session; the
    /// form check on every POST; the sign-in check and the role check on each part of the site.
    static func router(database: AppDatabase, configuration: WebConfiguration) throws -> Router<WebContext> {
        let pages = try Pages(database: database)
        let router = Router(context: WebContext.self)
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorPageMiddleware(pages: pages))
        router.add(middleware: SessionMiddleware(
            storage: DatabaseSessionDriver(database: database, clock: configuration.clock),
            configuration: .init(sessionCookieParameters: .init(name: "training_session", path: "/", secure: configuration.secureCookies,
                                                                sameSite: .lax),
                                 defaultSessionExpiration: .seconds(12 * 60 * 60))))
        router.add(middleware: FormMiddleware())

        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.css)))
        }
        router.get("/health") { _, _ in "ok" }
        let site = Site(database: database, pages: pages, configuration: configuration)
        SignInRoutes(site: site).add(to: router)
        LearnerRoutes(site: site).add(to: router)

        let signedIn = router.group().add(middleware: SignedInMiddleware(database: database, idleTimeout: configuration.idleTimeout, clock: configuration.clock))
        signedIn.get("/") { _, context in
            switch try context.requireUser().role {
            case .officer: return seeOther("/officer/sessions")
            case .booker: return seeOther("/agency")
            case .board: return seeOther("/board")
            }
        }
        BookerRoutes(site: site).add(to: signedIn.group("agency").add(middleware: RoleMiddleware(allowed: [.booker])))
        let officer = signedIn.group("officer").add(middleware: RoleMiddleware(allowed: [.officer]))
        OfficerRoutes(site: site).add(to: officer)
        OfficerProgrammeRoutes(site: site).add(to: officer)
        BoardRoutes(site: site).add(to: signedIn.group("board").add(middleware: RoleMiddleware(allowed: [.board, .officer])))
        return router
    }
}

/// What every group of routes works with.
struct Site: Sendable {
    let database: AppDatabase
    let pages: Pages
    let configuration: WebConfiguration
}
