import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import TrainingCore
import TrainingStore
@testable import TrainingWeb

/// The application trusting a proxy (so each `Browser` has its own address) on a clock the test moves.
func throttledConfiguration(_ clock: WebClock) -> WebConfiguration {
    WebConfiguration(clock: clock.function, trustProxy: true)
}

/// Sam attends the session and is sent an evaluation link: the fixture and the link's token. The clock
/// starts at noon, so the session (09:30 to 12:30, thirty days on) has ended when the register is marked.
func evaluationLink() throws -> (WebFixture, String) {
    let noon = LondonTime.startOfDay(LondonTime.date(of: Date())).addingTimeInterval(12 * 3600)
    let clock = WebClock(noon)
    let fixture = try WebFixture(now: clock.function)
    try fixture.database.book(session: fixture.session, learnerEmail: "sam@nhs.example", by: "booker")
    clock.advance(by: 30 * 86_400 + 3600)
    try fixture.database.mark(session: fixture.session, present: ["sam@nhs.example"], by: "officer")
    try fixture.database.deliverSession(fixture.session, by: "officer")
    let link = try #require(try fixture.database.issueDueInvitations(by: "officer").first { $0.kind == .evaluation })
    return (fixture, try #require(link.link.split(separator: "/").last.map(String.init)))
}

@Suite("Sign-in throttling")
struct SignInThrottlingTests {
    @Test func failedSignInsFromAnotherAddressDoNotKeepTheOfficerOut() async throws {
        let fixture = try WebFixture()
        let clock = WebClock(Date())
        try await fixture.withClient(throttledConfiguration(clock)) { client in
            let attacker = Browser(client: client, address: "203.0.113.9")
            try await attacker.get("/login")
            for _ in 1...20 {
                try await attacker.post("/login", [("email", "officer@partnership.example"), ("password", "guessing at it")])
                clock.advance(by: 60)
            }
            let officer = Browser(client: client, address: "198.51.100.7")
            #expect(try await officer.signIn("officer@partnership.example"))
        }
    }

    @Test func aFailingClientIsToldHowLongToWaitAndIsNotCheckedMeanwhile() async throws {
        let fixture = try WebFixture()
        let clock = WebClock(Date())
        try await fixture.withClient(throttledConfiguration(clock)) { client in
            let browser = Browser(client: client, address: "203.0.113.9")
            try await browser.get("/login")
            // Three failures are free; the fourth makes the next attempt wait 2 seconds.
            for _ in 1...4 {
                #expect(try await browser.post("/login", [("email", "booker@nhs.example"), ("password", "not the password")]).status == .unprocessableContent)
            }
            let refused = try await browser.post("/login", [("email", "booker@nhs.example"), ("password", WebFixture.password)])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "2")
            #expect(Browser.text(refused).contains("Try again in 2 seconds"))
            clock.advance(by: 2)
            #expect(try await browser.signIn("booker@nhs.example"))
        }
        // The refused attempt was not counted: four failures, then the success.
        let actions = try fixture.database.auditLog(limit: 5).map(\.action)
        #expect(actions == [.signedIn, .signInFailed, .signInFailed, .signInFailed, .signInFailed])
    }

    @Test func anUnknownEmailIsThrottledLikeAnAccount() async throws {
        let fixture = try WebFixture()
        let clock = WebClock(Date())
        try await fixture.withClient(throttledConfiguration(clock)) { client in
            // Four addresses fail once each on an email nobody has; a fifth, failing once too, must wait as it would on an account.
            for address in ["192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"] {
                let browser = Browser(client: client, address: address)
                try await browser.get("/login")
                try await browser.post("/login", [("email", "nobody@nhs.example"), ("password", "not the password")])
            }
            let fifth = Browser(client: client, address: "192.0.2.5")
            try await fifth.get("/login")
            let response = try await fifth.post("/login", [("email", "nobody@nhs.example"), ("password", "not the password")])
            #expect(response.status == .tooManyRequests)
        }
    }

    @Test func passwordChecksBeyondTheQueueAreAnsweredBusyAtOnce() async throws {
        let fixture = try WebFixture()
        let gate = PasswordCheckGate(permits: 1, queueLimit: 0)
        let (release, held) = AsyncStream.makeStream(of: Void.self)
        let holder = Task { try await gate.run { for await _ in release {} } }
        while await gate.load.running == 0 { await Task.yield() }
        try await fixture.withClient(WebConfiguration(), gate: gate) { client in
            let browser = Browser(client: client)
            try await browser.get("/login")
            let response = try await browser.post("/login", [("email", "booker@nhs.example"), ("password", WebFixture.password)])
            #expect(response.status == .serviceUnavailable)
            #expect(Browser.text(response).contains("The service is busy. Try again in a few seconds"))
        }
        held.finish()
        try await holder.value
    }

    @Test func noMoreThanTwoPasswordChecksRunAtOnce() async throws {
        let gate = PasswordCheckGate(permits: 2, queueLimit: 10)
        let counter = ConcurrencyCounter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { try await gate.run { counter.enter(); try await Task.sleep(for: .milliseconds(20)); counter.leave() } }
            }
            try await group.waitForAll()
        }
        #expect(counter.highest == 2)
    }

    @Test func aPasswordOverSeventyTwoBytesIsRefusedAndNeverMatchesOnItsFirstSeventyTwo() async throws {
        let seventyTwo = String(repeating: "a", count: 72)
        #expect(throws: PasswordTooLong.self) { try Passwords.hash(seventyTwo + "b", cost: 4) }
        let hash = try Passwords.hash(seventyTwo, cost: 4)
        #expect(try await Passwords.verify(seventyTwo, against: hash))
        #expect(try await Passwords.verify(seventyTwo + "b", against: hash) == false)
    }
}

/// Counts how many bodies run at once, and the most there ever were.
final class ConcurrencyCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var highest = 0
    func enter() { lock.withLock { now += 1; highest = max(highest, now) } }
    func leave() { lock.withLock { now -= 1 } }
}

@Suite("Sessions and anonymous forms")
struct SessionDefenceTests {
    @Test func visitorsWhoHaveNotSignedInStoreNoSession() async throws {
        let (fixture, token) = try evaluationLink()
        try await fixture.withBrowser { browser in
            try await browser.get("/login")
            try await browser.get("/evaluate/\(token)")
            try await browser.get("/evaluate/no-such-token")
            #expect(try fixture.database.webSessionCount() == 0)
            let answered = try await browser.post("/evaluate/\(token)", [("satisfaction", "4"), ("knowledge", "a-little")])
            #expect(answered.status == .ok)
            #expect(try fixture.database.webSessionCount() == 0)
        }
    }

    @Test func aVisitorsFormWithoutItsFormCookieIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.get("/login")
            let token = try #require(browser.csrf)
            browser.clearCookies()
            let response = try await browser.post("/login", [("email", "booker@nhs.example"), ("password", WebFixture.password)], csrf: token)
            #expect(response.status == .forbidden)
        }
    }

    @Test func aVisitorsFormTokenWorksOnlyWithItsOwnCookie() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { first in
            let second = Browser(client: first.client)
            try await first.get("/login")
            try await second.get("/login")
            let response = try await second.post("/login", [("email", "booker@nhs.example"), ("password", WebFixture.password)], csrf: first.csrf)
            #expect(response.status == .forbidden)
        }
    }

    @Test func aVisitorsBodyOverTheSmallLimitIsRefusedAsTooLarge() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.get("/login")
            let response = try await browser.post("/login", [("email", String(repeating: "x", count: 300 * 1024))])
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func anUploadOverFiveMegabytesGetsTheTooLargePage() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            let response = try await browser.upload("/officer/licences/usage", name: "big.csv", String(repeating: "x", count: 6 * 1024 * 1024))
            #expect(response.status == .contentTooLarge)
            #expect(Browser.text(response).contains("The file is too large"))
        }
    }

    @Test func aSessionsStoredRowExpiresWithTheIdleTimeOut() async throws {
        let fixture = try WebFixture()
        let clock = WebClock(Date())
        try await fixture.withBrowser(sessionClock: clock.function) { browser in
            let signedIn = try await browser.signIn("booker@nhs.example")
            #expect(signedIn)
        }
        clock.advance(by: 30 * 60 - 1)
        #expect(try fixture.database.removeExpiredWebSessions(at: clock.function()) == 0)
        clock.advance(by: 1)
        #expect(try fixture.database.removeExpiredWebSessions(at: clock.function()) == 1)
    }

    @Test func resettingAPasswordEndsEverySessionOfThatUser() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            let other = Browser(client: browser.client)
            #expect(try await browser.signIn("booker@nhs.example"))
            #expect(try await other.signIn("booker@council.example"))
            try fixture.database.resetPassword(email: "booker@nhs.example", passwordHash: try Passwords.hash("a brand new password", cost: 4), by: "cli")
            #expect(try await browser.get("/agency").headers[.location] == "/login?expired=1")
            #expect(try await other.get("/agency").status == .ok)
        }
    }

    @Test func aDeactivatedUserIsSignedOutAndCannotSignInUntilReactivated() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            let signedIn = try await browser.signIn("booker@nhs.example")
            #expect(signedIn)
            #expect(try fixture.database.setUserActive(email: "booker@nhs.example", active: false, by: "cli"))
            #expect(try fixture.database.webSessionCount() == 0)
            #expect(try await browser.get("/agency").status == .seeOther)
            #expect(try await browser.signIn("booker@nhs.example") == false)
            #expect(try fixture.database.setUserActive(email: "booker@nhs.example", active: true, by: "cli"))
            #expect(try await browser.signIn("booker@nhs.example"))
        }
        let actions = try fixture.database.auditLog(limit: 10).map(\.action)
        #expect(actions.contains(.userDeactivated) && actions.contains(.userReactivated))
    }
}

/// Keeps every message logged, with its metadata, for the tests to read.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    var logger: Logger {
        Logger(label: "test") { _ in RecordingLogHandler(recorder: self) }
    }
}

struct RecordingLogHandler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        let all = self.metadata.merging(metadata ?? [:]) { $1 }
        recorder.append("\(message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
    }
}

@Suite("The request log and downloads")
struct RequestLogTests {
    @Test func theRequestLogNamesTheRoutePatternNeverTheTokenOrTheQuery() async throws {
        let (fixture, token) = try evaluationLink()
        let recorder = LogRecorder()
        try await fixture.withClient(WebConfiguration(), logger: recorder.logger) { client in
            let browser = Browser(client: client)
            try await browser.get("/evaluate/\(token)")
            try await browser.get("/login?email=sam@nhs.example")
            try await browser.get("/no-such-page/secret-in-the-path")
        }
        let log = recorder.text
        #expect(log.contains("route=/evaluate/{token}"))
        #expect(log.contains("route=NotFound"))
        #expect(log.contains("status=404"))
        #expect(!log.contains(token))
        #expect(!log.contains("sam@nhs.example"))
        #expect(!log.contains("secret-in-the-path"))
    }

    @Test func subjectAccessIsAFormPostAndItsFileIsNamedByTheLearnersId() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            #expect(try await browser.get("/officer/people/subject-access?email=sam@nhs.example&format=json").status == .notFound)
            let response = try await browser.post("/officer/people/subject-access", [("email", "sam@nhs.example"), ("format", "json")])
            #expect(response.status == .ok)
            #expect(response.headers[.contentDisposition]
                    == "attachment; filename=\"subject-access-learner-1.json\"; filename*=UTF-8''subject-access-learner-1.json")
        }
    }

    @Test func aDownloadsNameCannotBreakItsHeader() {
        #expect(Download.contentDisposition(filename: "a\"b/ü;.xlsx") == #"attachment; filename="a_b___.xlsx"; filename*=UTF-8''a%22b%2F%C3%BC%3B.xlsx"#)
    }
}

@Suite("Security headers")
struct SecurityHeaderTests {
    @Test func everyPageDeniesTheBrowserFeaturesTheSiteNeverUses() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            for path in ["/login", "/static/app.css", "/no-such-page"] {
                let policy = try await browser.get(path).headers[HTTPField.Name("Permissions-Policy")!] ?? ""
                #expect(policy.contains("camera=()") && policy.contains("geolocation=()") && policy.contains("microphone=()"), "\(path)")
            }
        }
    }

    @Test func strictTransportSecurityIsSentOnlyWhenServedOverHTTPS() async throws {
        let fixture = try WebFixture()
        try await fixture.withClient(WebConfiguration(secureCookies: true)) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.headers[.strictTransportSecurity] == "max-age=63072000; includeSubDomains")
        }
        try await fixture.withClient(WebConfiguration()) { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.headers[.strictTransportSecurity] == nil)
        }
    }
}
