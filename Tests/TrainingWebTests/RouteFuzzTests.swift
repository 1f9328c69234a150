import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PropertyBased
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// Issue 16, finding 1: no request stops the server. For each role (and anonymous visitors), every route the
/// router holds and every form and link its pages offer is sent hostile values in every parameter — path,
/// query and form field — and each answer must be a page, never a server error (a crash would end the test
/// run). Every "there is a problem" page met on the way is also checked: each link of its error summary
/// reaches a field that shows the message and is tied to it (issue 16, "Accessibility found with it").
///
/// The systematic pass (each route, each form with every field left empty and each field given each kind of
/// hostile value in turn) always runs; the random pass after it sends `TRAINING_FUZZ_REQUESTS` generated
/// requests per role (default 200; `make fuzz` sends many more), drawn by swift-property-based, which prints
/// the seed of a failing run so it can be replayed.
@Suite("Route fuzzing: hostile values in every parameter of every route")
struct RouteFuzzTests {
    static let randomRequestsPerRole = ProcessInfo.processInfo.environment["TRAINING_FUZZ_REQUESTS"].flatMap(Int.init) ?? 200

    @Test("no hostile value in any parameter of any route, for any role, answers a server error",
          arguments: [FuzzRole.anonymous, .officer, .booker, .board])
    func noHostileValueAnswersAServerError(role: FuzzRole) async throws {
        let (fixture, token) = try FuzzFixture.make()
        let routes = try WebApplication.router(database: fixture.database, configuration: WebConfiguration()).routes
        let map = SiteMap(routes: routes.map { (method: $0.method, pattern: $0.path.description) })
        // The thousands of requests are not logged (the application's own logging is tested elsewhere).
        var logger = Logger(label: "route-fuzz")
        logger.logLevel = .critical
        let application = Application(router: try WebApplication.router(database: fixture.database, configuration: WebConfiguration()), logger: logger)
        try await application.test(.router) { client in
            let browser = Browser(client: client)
            let driver = FuzzDriver(browser: browser, role: role, map: map)
            try await driver.begin(startingAt: role.startPaths(token: token))
            try await driver.systematicPass()
            await propertyCheck(count: Self.randomRequestsPerRole, input: Gen.int(in: 0...Int.max), HostileValue.generator.array(of: 1...3)) { pick, values in
                await driver.randomRequest(pick: pick, values: values)
            }
            for failure in driver.failures { Issue.record(Comment(rawValue: failure)) }
            #expect(driver.sent > 0)
            // The crawl reached every route this role may use, with real ids where the route takes one.
            #expect(driver.unreached().isEmpty, "routes this role never reached: \(driver.unreached())")
        }
    }

    @Test func anErrorSummaryLinkThatReachesNoFieldIsFound() {
        let page = """
            <div class="error-summary"><ul><li><a href="#reason">Enter a reason</a></li></ul></div>
            <form><input id="other" name="other"></form>
            """
        #expect(ErrorSummaryCheck.problems(in: page) == ["error summary links to #reason, which is no field of the page"])
    }

    @Test func anErrorSummaryLinkToAFieldWithoutItsMessageIsFound() {
        let page = """
            <div class="error-summary"><ul><li><a href="#reason">Enter a reason</a></li></ul></div>
            <form><textarea id="reason" name="reason"></textarea></form>
            """
        #expect(ErrorSummaryCheck.problems(in: page) == [
            "#reason is not tied to a message 'Enter a reason' beside it (aria-describedby names no element showing it)",
        ])
    }

    @Test func anErrorSummaryLinkToAFieldThatShowsItsMessageIsSound() {
        let page = """
            <div class="error-summary"><ul><li><a href="#reason">Enter a reason</a></li></ul></div>
            <form><p class="error-message" id="reason-error"><span class="visually-hidden">Error:</span> Enter a reason</p>
            <textarea id="reason" name="reason" aria-describedby="reason-error"></textarea></form>
            """
        #expect(ErrorSummaryCheck.problems(in: page).isEmpty)
    }

    @Test func aFieldWhoseTextBeginsWithACombiningMarkIsStillAField() {
        let page = """
            <div class="error-summary"><ul><li><a href="#body">Enter the message</a></li></ul></div>
            <form><p class="error-message" id="body-error"><span class="visually-hidden">Error:</span> Enter the message</p>
            <textarea id="body" name="body" aria-describedby="body-error">\u{030B}text</textarea></form>
            """
        #expect(ErrorSummaryCheck.problems(in: page).isEmpty)
    }

    @Test func aRadioGroupTiedToItsMessageThroughItsFieldsetIsSound() {
        let page = """
            <div class="error-summary"><ul><li><a href="#satisfaction-1">Choose how satisfied you were</a></li></ul></div>
            <form><fieldset aria-describedby="satisfaction-error"><legend>How satisfied were you?</legend>
            <p class="error-message" id="satisfaction-error"><span class="visually-hidden">Error:</span> Choose how satisfied you were</p>
            <input type="radio" id="satisfaction-1" name="satisfaction" value="1"></fieldset></form>
            """
        #expect(ErrorSummaryCheck.problems(in: page).isEmpty)
    }
}

/// Who the fuzzing browser is.
enum FuzzRole: String, CustomTestStringConvertible, Sendable {
    case anonymous, officer, booker, board

    var email: String? {
        switch self {
        case .anonymous: nil
        case .officer: "officer@partnership.example"
        case .booker: "booker@nhs.example"
        case .board: "board@partnership.example"
        }
    }

    func startPaths(token: String) -> [String] {
        switch self {
        case .anonymous: ["/login", "/evaluate/\(token)", "/follow-up/\(token)", "/health", "/static/app.css"]
        case .officer: ["/", "/officer/sessions", "/board"]
        case .booker: ["/", "/agency"]
        case .board: ["/", "/board"]
        }
    }

    var testDescription: String { rawValue }
}

/// The web tests' partnership with something in every list: Sam attended and has an evaluation link, Kim did
/// not attend (a charge on Calderdale Council), Jo is booked on a session to come, licences of an
/// e-learning module were bought, and the outbox holds sent, queued and failed messages (Kim's).
enum FuzzFixture {
    static func make() throws -> (WebFixture, String) {
        let clock = WebClock(Date())
        let fixture = try WebFixture.mailing(now: clock.function)
        let database = fixture.database
        try database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "setup")
        try database.book(session: fixture.session, learnerEmail: "kim@council.example", by: "setup")
        let later = fixture.sessionStart.addingTimeInterval(40 * 86_400)
        let second = try database.scheduleSession(SessionPlan(courseTitle: "Introduction to Safeguarding", start: later,
                                                              end: later.addingTimeInterval(3 * 3600), venue: "Halifax Town Hall"), by: "setup")
        try database.book(session: try #require(second.id), learnerEmail: "jo@nhs.example", by: "setup")
        try fixture.deliver(failing: "kim@council.example")
        // To the end of the first session, whatever the hour the test runs at.
        clock.advance(by: fixture.sessionStart.timeIntervalSince(clock.function()) + 3.5 * 3600)
        try database.importCatalogue([CatalogueEntry(definition: CourseDefinition(
            title: "Safeguarding e-learning", level: .foundation, delivery: .eLearning, duration: try #require(CourseDuration(minutes: 60)),
            capacity: 1, minimumNumbers: 0), file: "fuzz", line: 1)], by: "setup")
        let today = LondonTime.date(of: clock.function())
        try database.buyLicences(count: 10, from: today.adding(days: -1), to: today.adding(days: 365), supplier: "Virtual College", note: nil, by: "setup")
        try database.mark(session: fixture.session, present: ["sam@nhs.example"], by: "setup")
        try database.mark(session: fixture.session, absent: ["kim@council.example"], by: "setup")
        try database.deliverSession(fixture.session, by: "setup")
        let link = try #require(try database.issueDueInvitations(by: "setup").first)
        let token = String(link.link.split(separator: "/").last ?? "")
        return (fixture, token)
    }
}

/// A hostile value for one parameter: text, or bytes that are not UTF-8 at all.
enum HostileValue: Sendable, CustomStringConvertible {
    case text(String)
    case bytes([UInt8])

    /// The kinds of value that have broken web applications: numbers and dates out of range, empty and huge
    /// text, control characters, noncharacters, paths, quotes, markup and template syntax, formulas.
    static let catalogue: [HostileValue] = [
        "", " ", "0", "-1", "1", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999", "1e308", "NaN", "0x1F", "١٢٣", "１２",
        "9999-00", "0000-01", "9999-99", "99999-00", "2025-26", "2025-26-Q9", "2025-26-Q0", "9999-00-Q4", "0000-01-Q1", "2025-26-Q-1",
        "0000-00-00", "9999-12-31", "0001-01-01", "2025-02-29", "2024-13-45", "31/12/9999", "29/02/2025", "+025-04-01",
        "2025-04-01T25:61", "2025-04-01 23:59", "2026-03-29 01:30", "99:99", "24:00",
        "£99999999999999.99", "£9999999999999", "-£1", "12.505", "9223372036854775807h", "99999999999m", "2h30m",
        "\u{0}", "a\u{0}b", "\u{1}\u{2}\u{1B}[31m", "\r\n", "\t", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}",
        .text(String(decoding: [0xEF, 0xB7, 0x90], as: UTF8.self)), "\u{10FFFF}", "\u{1F600}", "e\u{301}", "\u{202E}abc",
        "../", "../../etc/passwd", "..\\..\\", "/etc/passwd", "%2e%2e%2f", "%00", "%", "%%", "%ZZ",
        "'", "\"", "';--", "\" OR 1=1 --", "<script>alert(1)</script>", "{{title}}", "{{{x}}}", "${x}", "=HYPERLINK(\"x\")", "@SUM(A1)",
        "sam@nhs.example", "kim@council.example", "officer@partnership.example", "a@b", "@", "x@y.example\r\nBcc: z@y.example",
        "foundation", "cancelled", "delivered", "present", "absent", "on", "true",
        .text(String(repeating: "A", count: 100_000)), .text(String(repeating: "€", count: 20_000)),
        .bytes([0xFF]), .bytes([0xC0, 0x80]), .bytes([0xED, 0xA0, 0x80]), .bytes([0xF4, 0x90, 0x80, 0x80]), .bytes([0x80]),
        .bytes([0x61, 0xE2, 0x82]),
    ]

    /// Any value of the catalogue, or text drawn from the whole of Unicode (every scalar but the surrogates,
    /// which no Swift string holds), or a short run of printable ASCII.
    static let generator = {
        let anyScalar = Gen<UnicodeScalar>.oneOf(Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}"), Gen.unicodeScalar(in: "\u{E000}"..."\u{10FFFF}"))
        let unicodeText = anyScalar.map { Character($0) }.string(of: 0...40).map { HostileValue.text($0) }
        let asciiText = Gen<Character>.ascii.string(of: 0...12).map { HostileValue.text($0) }
        let fromCatalogue = Gen.int(in: 0...(catalogue.count - 1)).map { catalogue[$0] }
        return Gen<HostileValue>.oneOf(fromCatalogue, unicodeText, asciiText)
    }()

    /// The value percent-encoded for a query string, a form body or a path segment: every byte but the
    /// unreserved ones escaped, so what arrives is exactly the value.
    var percentEncoded: String {
        let unreserved = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
        return bytes.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    var bytes: [UInt8] {
        switch self {
        case .text(let text): Array(text.utf8)
        case .bytes(let bytes): bytes
        }
    }

    var description: String {
        switch self {
        case .text(let text): text.count > 60 ? "\(text.count) characters of '\(text.prefix(3))'" : text.debugDescription
        case .bytes(let bytes): "bytes \(bytes.map { String(format: "%02X", $0) }.joined(separator: " "))"
        }
    }
}

extension HostileValue: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .text(value) }
}

/// What the fuzzing browser knows of the site: the router's routes, and what the pages it has seen link to
/// and ask for.
final class SiteMap: @unchecked Sendable {
    struct Route: Hashable {
        var method: HTTPRequest.Method
        var pattern: String
        var captures: [String] { pattern.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) } }
    }

    /// A form a page offers: where it goes and its fields with the values the page filled in.
    struct Form: Hashable {
        var method: HTTPRequest.Method
        var action: String
        var fields: [Field]
    }

    struct Field: Hashable {
        var name: String
        var value: String
    }

    let routes: [Route]
    private(set) var forms: Set<Form> = []
    /// Paths (without query) seen in links, and the names of query parameters seen with each.
    private(set) var links: [String: Set<String>] = [:]
    /// Real values of each route's captures, seen in links and form actions (`{booking}` → ["1", "2"]).
    private(set) var captureValues: [String: Set<String>] = [:]
    private(set) var reached: Set<Route> = []

    init(routes: [(method: HTTPRequest.Method, pattern: String)]) {
        self.routes = routes.map { Route(method: $0.method, pattern: $0.pattern) }
    }

    /// The route a request went to, if any.
    func route(for method: HTTPRequest.Method, path: String) -> Route? {
        let segments = path.split(separator: "/").map(String.init)
        return routes.first { route in
            let parts = route.pattern.split(separator: "/").map(String.init)
            guard route.method == method, parts.count == segments.count else { return false }
            return zip(parts, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }
    }

    func noteReached(_ method: HTTPRequest.Method, _ path: String) {
        guard let route = route(for: method, path: path) else { return }
        reached.insert(route)
        let parts = route.pattern.split(separator: "/").map(String.init)
        for (part, segment) in zip(parts, path.split(separator: "/").map(String.init)) where part.hasPrefix("{") {
            captureValues[String(part.dropFirst().dropLast()), default: []].insert(segment)
        }
    }

    /// Learns the links and forms of a page at `path`; returns the new paths to visit.
    func learn(page html: String, at path: String) -> [String] {
        var fresh: [String] = []
        for href in HTML.attributeValues("href", in: html) where href.hasPrefix("/") && !href.hasPrefix("//") {
            let (linkPath, query) = Self.split(href)
            if links[linkPath] == nil { fresh.append(href) }
            links[linkPath, default: []].formUnion(FormData(urlEncoded: query).fields.keys)
            if let route = route(for: .get, path: linkPath) {
                let parts = route.pattern.split(separator: "/").map(String.init)
                for (part, segment) in zip(parts, linkPath.split(separator: "/").map(String.init)) where part.hasPrefix("{") {
                    captureValues[String(part.dropFirst().dropLast()), default: []].insert(segment)
                }
            }
        }
        for form in HTML.forms(in: html, at: path) {
            forms.insert(form)
            noteReached(form.method, Self.split(form.action).path)
            if form.method == .get, links[Self.split(form.action).path] == nil { fresh.append(form.action) }
            if form.method == .get { links[Self.split(form.action).path, default: []].formUnion(form.fields.map(\.name)) }
        }
        return fresh
    }

    static func split(_ href: String) -> (path: String, query: String) {
        let parts = href.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }

    /// Every parameter name any page used: tried on every route, since a route may read one no link shows.
    var allParameterNames: [String] {
        Set(links.values.flatMap { $0 } + forms.flatMap { $0.fields.map(\.name) }).subtracting(["csrf"]).sorted()
    }
}

/// Sends the requests and judges the answers.
final class FuzzDriver: @unchecked Sendable {
    let browser: Browser
    let role: FuzzRole
    let map: SiteMap
    /// Each kind of failure once per route, with the first request that showed it.
    private var failuresByKind: [String: String] = [:]
    var failures: [String] { failuresByKind.sorted { $0.key < $1.key }.map { "\($0.key) — first seen on: \($0.value)" } }
    private(set) var sent = 0

    init(browser: Browser, role: FuzzRole, map: SiteMap) {
        self.browser = browser
        self.role = role
        self.map = map
    }

    /// Signs in (but for anonymous visitors) and visits every page reachable from `paths`.
    func begin(startingAt paths: [String]) async throws {
        try await signIn()
        var queue = paths
        var seen: Set<String> = []
        while let next = queue.first, seen.count < 400 {
            queue.removeFirst()
            guard seen.insert(SiteMap.split(next).path + "?" + SiteMap.split(next).query).inserted else { continue }
            let response = try await browser.get(next)
            judge(response, .get, next, "GET \(next)")
            map.noteReached(.get, SiteMap.split(next).path)
            if response.status == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true {
                queue += map.learn(page: Browser.text(response), at: SiteMap.split(next).path)
            }
        }
    }

    /// How many values of the catalogue each form field and query parameter is sent in the systematic pass.
    static let valuesPerField = ProcessInfo.processInfo.environment["TRAINING_FUZZ_REQUESTS"] == nil ? 12 : HostileValue.catalogue.count

    /// Each route with each hostile value in each capture; each form with every field empty, and with each
    /// field in turn given each hostile value; each link with each query parameter given each hostile value.
    func systematicPass() async throws {
        for route in map.routes where route.method == .get || route.method == .post {
            for value in HostileValue.catalogue.prefix(24) + HostileValue.catalogue.suffix(8) {
                for capture in route.captures {
                    await send(route.method, path: path(of: route, hostile: (capture, value)), fields: [])
                }
            }
            if route.captures.isEmpty, route.method == .post { await send(.post, path: path(of: route), fields: []) }
            if route.captures.isEmpty, route.method == .get {
                for (index, name) in map.allParameterNames.enumerated() {
                    let value = HostileValue.catalogue[index % HostileValue.catalogue.count]
                    await send(.get, path: path(of: route), fields: [(name, value)])
                }
            }
        }
        for form in map.forms.sorted(by: { $0.action < $1.action }) {
            await send(form.method, path: form.action, fields: form.fields.map { ($0.name, HostileValue.text("")) })
            // Each field takes a share of the catalogue in turn, so every value reaches every form.
            for (fieldIndex, field) in form.fields.enumerated() where field.name != "csrf" {
                for step in 0..<Self.valuesPerField {
                    let value = HostileValue.catalogue[(fieldIndex * Self.valuesPerField + step) % HostileValue.catalogue.count]
                    await send(form.method, path: form.action,
                               fields: form.fields.map { ($0.name, $0.name == field.name ? value : .text($0.value)) })
                }
            }
        }
        for (path, names) in map.links.sorted(by: { $0.key < $1.key }) {
            for (nameIndex, name) in names.sorted().enumerated() {
                for step in 0..<Self.valuesPerField {
                    await send(.get, path: path, fields: [(name, HostileValue.catalogue[(nameIndex * Self.valuesPerField + step) % HostileValue.catalogue.count])])
                }
            }
        }
    }

    /// One generated request: a route or form chosen by `pick`, its parameters given `values`.
    func randomRequest(pick: Int, values: [HostileValue]) async {
        let forms = map.forms.sorted(by: { $0.action < $1.action })
        let targets = map.routes.count + forms.count
        guard targets > 0 else { return }
        let index = pick % targets
        if index < map.routes.count {
            let route = map.routes[index]
            let captureIndex = route.captures.isEmpty ? nil : (pick / targets) % route.captures.count
            let hostile = captureIndex.map { (route.captures[$0], values[0]) }
            let names = map.allParameterNames
            let fields: [(String, HostileValue)] = names.isEmpty ? [] : values.enumerated().map { offset, value in
                (names[(pick / 7 + offset * 13) % names.count], value)
            }
            await send(route.method, path: path(of: route, hostile: hostile), fields: fields)
        } else {
            let form = forms[index - map.routes.count]
            var fields = form.fields.map { ($0.name, HostileValue.text($0.value)) }
            for (offset, value) in values.enumerated() where !fields.isEmpty {
                let field = (pick / 5 + offset * 7) % fields.count
                if fields[field].0 != "csrf" { fields[field].1 = value }
            }
            await send(form.method, path: form.action, fields: fields)
        }
    }

    /// A route's path with real values in its captures (or `hostile` in one of them).
    func path(of route: SiteMap.Route, hostile: (String, HostileValue)? = nil) -> String {
        "/" + route.pattern.split(separator: "/").map { part -> String in
            guard part.hasPrefix("{") else { return String(part) }
            let name = String(part.dropFirst().dropLast())
            if let hostile, hostile.0 == name { return hostile.1.percentEncoded }
            return map.captureValues[name]?.sorted().first ?? "1"
        }.joined(separator: "/")
    }

    /// Sends one request with `fields` in its query (GET) or body (POST, with the form token), and judges it.
    func send(_ method: HTTPRequest.Method, path: String, fields: [(String, HostileValue)]) async {
        let encoded = fields.map { "\(HostileValue.text($0.0).percentEncoded)=\($0.1.percentEncoded)" }
        let what = "\(method) \(path) \(fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))"
        do {
            if method == .post {
                let response = try await browser.postEncoded(path, encoded)
                judge(response, method, path, what)
            } else {
                let (bare, query) = SiteMap.split(path)
                let all = (query.isEmpty ? [] : [query]) + encoded
                let response = try await browser.get(all.isEmpty ? bare : bare + "?" + all.joined(separator: "&"))
                judge(response, method, path, what)
            }
            sent += 1
            map.noteReached(method, SiteMap.split(path).path)
            if role != .anonymous, try await !browser.isSignedIn() { try await signIn() }
        } catch {
            fail(method, path, "the request failed: \(error)", what)
        }
    }

    func judge(_ response: TestResponse, _ method: HTTPRequest.Method, _ path: String, _ what: String) {
        if response.status.code >= 500 { fail(method, path, "answered \(response.status.code)", what) }
        if response.status == .unprocessableContent {
            for problem in ErrorSummaryCheck.problems(in: Browser.text(response)) { fail(method, path, problem, what) }
        }
    }

    func fail(_ method: HTTPRequest.Method, _ path: String, _ problem: String, _ what: String) {
        let route = map.route(for: method, path: SiteMap.split(path).path).map(\.pattern) ?? SiteMap.split(path).path
        let kind = problem.replacingOccurrences(of: #"#[a-z_-]+-[0-9]+"#, with: "#…", options: .regularExpression)
            .replacingOccurrences(of: #"'.*'"#, with: "'…'", options: .regularExpression)
        let key = "\(role): \(method) \(route): \(kind)"
        if failuresByKind[key] == nil { failuresByKind[key] = String(what.prefix(600)) }
    }

    func signIn() async throws {
        guard let email = role.email else {
            _ = try await browser.get("/login")
            return
        }
        guard try await browser.signIn(email) else {
            fail(.post, "/login", "\(role) could not sign in again", "sign-in")
            return
        }
    }

    /// Routes this role may use that the crawl and the passes never reached.
    func unreached() -> [String] {
        let prefix: [String] = switch role {
        case .anonymous: ["/login", "/evaluate", "/follow-up"]
        case .officer: ["/officer"]
        case .booker: ["/agency"]
        case .board: ["/board"]
        }
        return map.routes.filter { route in prefix.contains { route.pattern.hasPrefix($0) } && !map.reached.contains(route) }
            .map { "\($0.method) \($0.pattern)" }
    }
}

extension Browser {
    /// Posts already percent-encoded `name=value` pairs, with this browser's form token.
    func postEncoded(_ path: String, _ pairs: [String]) async throws -> TestResponse {
        try await send(.post, path, formBody: (pairs + (csrf.map { ["csrf=\(Browser.encode($0))"] } ?? [])).joined(separator: "&"))
    }

    /// Whether the session still belongs to someone signed in (a fuzzed form may have signed the browser out).
    func isSignedIn() async throws -> Bool {
        try await send(.get, "/", formBody: nil).headers[.location]?.hasPrefix("/login") == false
    }
}

/// Reads the parts of the site's own HTML the fuzzing needs. The pages are the application's, written by its
/// templates, so attribute values are always double-quoted.
enum HTML {
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                HTML.range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// The first match of `pattern`, with where it is in `text`.
    static func firstMatch(_ pattern: String, in text: String) -> (text: String, range: Range<String.Index>)? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = HTML.range(match.range, in: text) else { return nil }
        return (String(text[range]), range)
    }

    /// Where a match lies in `text`, counted in UTF-16 as the regular expression counts. Not
    /// `Range(_:in:)`, which gives nothing when the match ends inside a character: a tag's `>` followed by
    /// a combining mark typed into the field (one character of two scalars) made a field "no field".
    static func range(_ found: NSRange, in text: String) -> Range<String.Index>? {
        guard found.location != NSNotFound else { return nil }
        let utf16 = text.utf16
        guard let start = utf16.index(utf16.startIndex, offsetBy: found.location, limitedBy: utf16.endIndex),
              let end = utf16.index(start, offsetBy: found.length, limitedBy: utf16.endIndex) else { return nil }
        return start..<end
    }

    /// Text with its tags taken out and its spaces run together.
    static func plainText(_ html: String) -> String {
        unescape(html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "Error: ", with: "")
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        matches(#"\s\#(name)="([^"]*)""#, in: tag).first.map { unescape($0[1]) }
    }

    static func attributeValues(_ name: String, in html: String) -> [String] {
        matches(#"\s\#(name)="([^"]*)""#, in: html).map { unescape($0[1]) }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func forms(in html: String, at path: String) -> [SiteMap.Form] {
        matches(#"<form\b([^>]*)>(.*?)</form>"#, in: html).map { match in
            let method: HTTPRequest.Method = attribute("method", in: match[1])?.lowercased() == "post" ? .post : .get
            let action = attribute("action", in: match[1]) ?? path
            var fields: [SiteMap.Field] = []
            var choices: [String: String] = [:]
            for input in matches(#"<input\b([^>]*)>"#, in: match[2]) {
                guard let name = attribute("name", in: input[1]) else { continue }
                let value = attribute("value", in: input[1]) ?? ""
                // A group of radios or checkboxes sends one value (the one checked, else the first here).
                if ["radio", "checkbox"].contains(attribute("type", in: input[1])?.lowercased() ?? "") {
                    if choices[name] == nil || input[1].contains(" checked") {
                        if choices[name] == nil { fields.append(.init(name: name, value: value)) }
                        choices[name] = value
                    }
                    continue
                }
                fields.append(.init(name: name, value: value))
            }
            fields = fields.map { field in choices[field.name].map { SiteMap.Field(name: field.name, value: $0) } ?? field }
            for select in matches(#"<select\b([^>]*)>(.*?)</select>"#, in: match[2]) {
                guard let name = attribute("name", in: select[1]) else { continue }
                fields.append(.init(name: name, value: matches(#"<option\b([^>]*)>"#, in: select[2]).compactMap { attribute("value", in: $0[1]) }.first ?? ""))
            }
            for area in matches(#"<textarea\b([^>]*)>(.*?)</textarea>"#, in: match[2]) {
                guard let name = attribute("name", in: area[1]) else { continue }
                fields.append(.init(name: name, value: unescape(area[2])))
            }
            return SiteMap.Form(method: method, action: action, fields: fields.filter { $0.name != "csrf" })
        }
    }
}

/// The GOV.UK error pattern, checked on a page: every link of the error summary goes to a field of the page
/// (an input, select or text area with that id), and the field is tied by `aria-describedby` (its own, or
/// that of the fieldset around it) to an element beside it that shows the same message.
enum ErrorSummaryCheck {
    static func problems(in html: String) -> [String] {
        guard let summary = HTML.matches(#"<div class="error-summary"(.*?)</div>"#, in: html).first?[1] else { return [] }
        var problems: [String] = []
        for link in HTML.matches(##"<a href="#([^"]*)">(.*?)</a>"##, in: summary) {
            let (field, message) = (link[1], link[2])
            guard let control = HTML.firstMatch(#"<(input|select|textarea)\b[^>]*\sid="\#(NSRegularExpression.escapedPattern(for: field))"[^>]*>"#, in: html) else {
                problems.append("error summary links to #\(field), which is no field of the page")
                continue
            }
            var describedBy = (HTML.attribute("aria-describedby", in: control.text) ?? "").split(separator: " ").map(String.init)
            let before = html[..<control.range.lowerBound]
            if let fieldset = before.range(of: "<fieldset", options: .backwards),
               before.range(of: "</fieldset>", options: .backwards).map({ $0.lowerBound < fieldset.lowerBound }) ?? true,
               let tag = HTML.firstMatch(#"<fieldset\b[^>]*>"#, in: String(before[fieldset.lowerBound...])) {
                describedBy += (HTML.attribute("aria-describedby", in: tag.text) ?? "").split(separator: " ").map(String.init)
            }
            let shown = describedBy.contains { id in
                HTML.matches(#"<(p|span|div)\b[^>]*\sid="\#(NSRegularExpression.escapedPattern(for: id))"[^>]*>(.*?)</\1>"#, in: html)
                    .contains { HTML.plainText($0[2]).contains(HTML.plainText(message)) }
            }
            if !shown { problems.append("#\(field) is not tied to a message '\(message)' beside it (aria-describedby names no element showing it)") }
        }
        return problems
    }
}
