import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TrainingCore

/// The client a request comes from, as `SignInThrottle` counts it: its IP address (an IPv6 address by
/// its /64 network, which one household or server is usually given whole). Behind a proxy the socket's
/// address is the proxy's, so with `trustProxy` the last address the proxy appended to
/// `X-Forwarded-For` is used instead. Requests with no address (the router tests) are one client.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let unknown = "unknown"

    static func key(remote: SocketAddress?, forwardedFor: String?, trustProxy: Bool) -> String {
        if trustProxy, let forwardedFor,
           let last = forwardedFor.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return network(of: last)
        }
        return remote?.ipAddress.map(network(of:)) ?? unknown
    }

    /// An IPv4 address as it is; an IPv6 address as its /64 network; anything else (bounded) as written.
    static func network(of address: String) -> String {
        guard address.contains(":"), let socket = try? SocketAddress(ipAddress: address, port: 0), case .v6(let v6) = socket else {
            return String(address.prefix(64))
        }
        let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0.prefix(8)) }
        return bytes.map { String(format: "%02x", $0) }.joined() + "::/64"
    }
}

/// Recent failed sign-ins by key (a client address, or an email that belongs to nobody), kept in memory
/// and never more than `capacity` of them: when full, forgotten records go first, then the one whose
/// wait ended longest ago.
final class RecentFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String: SignInThrottle.Record] = [:]
    let capacity: Int
    let throttle: SignInThrottle

    init(throttle: SignInThrottle, capacity: Int = 10_000) {
        self.throttle = throttle
        self.capacity = max(1, capacity)
    }

    /// The key's record at `instant`, nil when it has none or it is forgotten.
    func record(_ key: String, at instant: Date) -> SignInThrottle.Record? {
        lock.withLock { throttle.current(records[key], at: instant) }
    }

    /// Counts one more failure for the key.
    func fail(_ key: String, at instant: Date) {
        lock.withLock {
            if records[key] == nil, records.count >= capacity {
                records = records.filter { throttle.current($0.value, at: instant) != nil }
                if records.count >= capacity, let oldest = records.min(by: { $0.value.waitUntil < $1.value.waitUntil }) {
                    records[oldest.key] = nil
                }
            }
            records[key] = throttle.failing(records[key], at: instant)
        }
    }

    /// Forgets the key's failures (after it signed in).
    func clear(_ key: String) {
        _ = lock.withLock { records.removeValue(forKey: key) }
    }

    var count: Int { lock.withLock { records.count } }
}

/// Sign-in is answered "busy, try again" rather than queued without end.
struct PasswordChecksBusy: Error {}

/// Lets at most `permits` password checks (bcrypt, a quarter of a second of a core each) run at once and
/// at most `queueLimit` wait for a turn, in order; beyond that `run` throws `PasswordChecksBusy` at once.
/// A flood of sign-ins then costs the server at most `permits` cores, and a real sign-in waits behind
/// at most `queueLimit` others, or is told straight away to try again.
actor PasswordCheckGate {
    let permits: Int
    let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int = 2, queueLimit: Int = 8) {
        self.permits = max(1, permits)
        self.queueLimit = max(0, queueLimit)
    }

    /// Runs `check` when a permit is free.
    nonisolated func run<T: Sendable>(_ check: @Sendable () async throws -> T) async throws -> T {
        try await enter()
        do {
            let result = try await check()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async throws {
        if running < permits {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw PasswordChecksBusy() }
        // The permit is handed over by `leave`, so `running` already counts this check when it resumes.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// How many checks hold a permit, and how many wait (for tests and the log).
    var load: (running: Int, waiting: Int) { (running, waiting.count) }
}

/// The form token of a visitor who has not signed in (the sign-in page, a learner's evaluation): a signed
/// double-submit cookie. The browser is given a random value in the `training_form` cookie (HttpOnly,
/// SameSite=Lax); the page's forms carry an HMAC of that value under the server's key. Another site can
/// make the browser send the cookie but can neither read it nor compute the HMAC, so it cannot forge the
/// form; no session is stored for the visitor. Signed-in people's forms carry their session's token.
struct AnonymousFormTokens: Sendable {
    static let cookieName = "training_form"
    /// The server's key (random for each run of the server, so a form left open across a restart must be
    /// reloaded).
    private let key: [UInt8]

    init(key: [UInt8] = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }) { self.key = key }

    /// The token a form must carry for this cookie value.
    func token(for cookie: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("anonymous-form:\(cookie)".utf8), using: SymmetricKey(data: key))
        return Data(code).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Whether a cookie value is one this server could have given (43 URL-safe characters); anything
    /// else is replaced.
    static func isWellFormed(_ value: String) -> Bool {
        value.utf8.count == 43 && value.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
    }

    func cookie(_ value: String, secure: Bool) -> String {
        "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
