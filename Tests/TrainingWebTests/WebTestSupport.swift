import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// A partnership for the web tests, on a fresh database: two agencies (Calderdale NHS and Calderdale
/// Council) with two staff each, a half-day session 30 days from now, and four users — the officer, a
/// booker of each agency and a board member. Passwords are hashed at bcrypt's lowest cost so the tests
/// stay quick; the program always uses `Passwords.cost` (12).
struct WebFixture {
    static let password = "correct horse battery"
    let database: AppDatabase
    let session: Int64
    let sessionStart: Date

    init(now: @escaping @Sendable () -> Date = Date.init) throws {
        database = try AppDatabase.inMemory(now: now)
        try database.importCatalogue([CatalogueEntry(definition: CourseDefinition(title: "Introduction to Safeguarding", level: .foundation,
                                                                                  delivery: .faceToFace, duration: CourseDuration(minutes: 180)!,
                                                                                  capacity: 20, minimumNumbers: 0),
                                                     file: "test", line: 1)], by: "setup")
        for (agency, sector, domain) in [("Calderdale NHS", Sector.health, "nhs"), ("Calderdale Council", Sector.localAuthority, "council")] {
            try database.addAgency(AgencyDetails(name: agency, sector: sector), by: "setup")
            for name in domain == "nhs" ? ["Sam Patel", "Jo Bloggs"] : ["Kim Lee", "Ann Carer"] {
                let email = name.split(separator: " ")[0].lowercased() + "@\(domain).example"
                try database.addLearner(LearnerDetails(name: name, email: EmailAddress(email), agencyName: agency, jobRole: nil), by: "setup")
            }
        }
        let hash = try Passwords.hash(Self.password, cost: 4)
        try database.addUser(email: "officer@partnership.example", name: "Lee Officer", role: .officer, agencyName: nil, passwordHash: hash, by: "setup")
        try database.addUser(email: "booker@nhs.example", name: "Pat Booker", role: .booker, agencyName: "Calderdale NHS", passwordHash: hash, by: "setup")
        try database.addUser(email: "booker@council.example", name: "Chris Booker", role: .booker, agencyName: "Calderdale Council",
                             passwordHash: hash, by: "setup")
        try database.addUser(email: "board@partnership.example", name: "Bo Board", role: .board, agencyName: nil, passwordHash: hash, by: "setup")
        let start = LondonTime.startOfDay(LondonTime.date(of: now()).adding(days: 30)).addingTimeInterval(9.5 * 3600)
        sessionStart = start
        session = try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: start,
                                                           end: start.addingTimeInterval(3 * 3600), venue: "Halifax Town Hall"), by: "setup").id!
    }

    /// The application over this database, as the tests' router client sees it.
    func application(sessionClock: @escaping @Sendable () -> Date = Date.init) throws -> some ApplicationProtocol {
        Application(router: try WebApplication.router(database: database, configuration: WebConfiguration(clock: sessionClock)))
    }

    /// Runs `body` with a browser on the application; `sessionClock` times the sessions.
    func withBrowser(sessionClock: @escaping @Sendable () -> Date = Date.init, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await application(sessionClock: sessionClock).test(.router) { client in
            try await body(Browser(client: client))
        }
    }

    /// Runs `body` with the application configured by `configuration` (its clock included) and, when given,
    /// this password-check gate; `logger` receives the application's log.
    func withClient(_ configuration: WebConfiguration, gate: PasswordCheckGate? = nil, logger: Logger? = nil,
                    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let router = try WebApplication.router(database: database, configuration: configuration, gate: gate)
        let app = logger.map { Application(router: router, logger: $0) } ?? Application(router: router)
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A clock the tests move: the register opens once a session has started; sessions time out.
final class WebClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    var function: @Sendable () -> Date { { self.lock.withLock { self.current } } }
}

/// A browser for the router tests: it keeps cookies like a real one (the session's, and the form cookie
/// of a visitor who has not signed in), and takes each page's CSRF token to send with the next form, as
/// the page's own hidden field would. `address` stands for the client's IP address, sent as
/// `X-Forwarded-For` (read only when the application trusts a proxy).
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    let address: String?
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf: String?

    init(client: any TestClientProtocol, address: String? = nil) {
        self.client = client
        self.address = address
    }

    /// The session cookie's value, if signed in.
    var cookie: String? { cookies["training_session"] }

    /// A page's body as text.
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @discardableResult
    func get(_ path: String) async throws -> TestResponse {
        let response = try await client.execute(uri: path, method: .get, headers: headers())
        remember(response)
        return response
    }

    /// Posts a form, with this browser's CSRF token unless `csrf` says otherwise (nil: leave it out).
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: String?? = .none) async throws -> TestResponse {
        var all = fields
        switch csrf {
        case .none: if let token = self.csrf { all.append(("csrf", token)) }
        case .some(let given?): all.append(("csrf", given))
        case .some(nil): break
        }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Sends a request as this browser, with `formBody` (already URL-encoded) as a form's body when given.
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ path: String, formBody: String?) async throws -> TestResponse {
        var headers = headers()
        if formBody != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: formBody.map { ByteBuffer(string: $0) })
        remember(response)
        return response
    }

    /// Signs in on the sign-in page; true when the site let the person in.
    @discardableResult
    func signIn(_ email: String, password: String = WebFixture.password) async throws -> Bool {
        try await get("/login")
        let response = try await post("/login", [("email", email), ("password", password)])
        guard response.status == .seeOther else { return false }
        // The landing page carries the new session's form token.
        if let landing = try await get("/").headers[.location] { try await get(landing) }
        return true
    }

    /// Forgets every cookie, as a new browser would start.
    func clearCookies() {
        cookies = [:]
        csrf = nil
    }

    func headers() -> HTTPFields {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = address }
        return headers
    }

    private func remember(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.prefix { $0 != ";" }.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]), value = String(pair[1])
            cookies[name] = line.contains("Max-Age=0") || value.isEmpty ? nil : value
        }
        let text = Self.text(response)
        if let range = text.range(of: #"name="csrf" value=""#) {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
