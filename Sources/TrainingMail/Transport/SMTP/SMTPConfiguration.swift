import Foundation
import TrainingCore

/// How the connection to the relay is protected; the raw values are the words of the `smtp-security`
/// setting.
public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain text: allowed only to a relay on this machine (loopback), as issue 18 requires.
    case none
    /// STARTTLS right after the greeting (port 587); a relay that does not offer it gets nothing.
    case startTLS = "starttls"
    /// TLS from the first byte (port 465).
    case implicitTLS = "tls"

    /// The port each way is usually served on.
    public var defaultPort: Int {
        switch self {
        case .none: 25
        case .startTLS: 587
        case .implicitTLS: 465
        }
    }
}

/// The account the relay is signed in to. The password is never printed: `description` hides it, so the
/// credentials can appear in a log or an error without it.
public struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    public var description: String { "\(user) (password hidden)" }
    public var debugDescription: String { description }
}

/// Where and how `SMTPTransport` reaches the partnership's relay.
public struct SMTPConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var security: SMTPSecurity
    /// Signs in with AUTH PLAIN, or LOGIN when the relay offers only that; `nil` sends without signing in.
    public var credentials: SMTPCredentials?
    /// The name this machine gives in EHLO.
    public var heloName: String
    /// How long to wait for the connection (and, with implicit TLS, not the handshake: that is a reply's).
    public var connectTimeout: Duration
    /// How long to wait for each reply; RFC 5321 (4.5.3.2) asks clients to wait minutes, not seconds.
    public var replyTimeout: Duration
    /// A PEM file of the certificates to trust instead of the system's (a relay with a private CA);
    /// either way the certificate and the host name are fully verified.
    public var trustRootsFile: String?
    /// At most this many messages start a minute, across batches (Office 365 allows 30).
    public var messagesPerMinute: Int

    public init(host: String, port: Int? = nil, security: SMTPSecurity = .startTLS, credentials: SMTPCredentials? = nil,
                heloName: String = SMTPConfiguration.localHostName, connectTimeout: Duration = .seconds(30),
                replyTimeout: Duration = .seconds(300), trustRootsFile: String? = nil, messagesPerMinute: Int = 30) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
        self.trustRootsFile = trustRootsFile
        self.messagesPerMinute = messagesPerMinute
    }

    /// This machine's name as EHLO gives it, or `localhost` when it has none a relay could read.
    public static var localHostName: String {
        let name = ProcessInfo.processInfo.hostName
        let readable = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return readable ? name : "localhost"
    }
}

/// A relay configuration `SMTPTransport` will not use.
public enum SMTPConfigurationError: Error, Sendable, Hashable, UserFacingError {
    /// Security `none` to a host that is not this machine: the password and the messages would cross the
    /// network in plain text (issue 18: STARTTLS is required unless the host is on loopback).
    case plainTextToRemoteHost(String)
    /// The trust-roots file could not be read as PEM certificates.
    case unusableTrustRoots(path: String, reason: String)
    case portOutOfRange(Int)
    case rateNotPositive(Int)

    public var errorDescription: String? {
        switch self {
        case .plainTextToRemoteHost(let host):
            "smtp-security none is only allowed to a relay on this machine (127.0.0.1, ::1 or localhost), not to \(host): use starttls or tls"
        case .unusableTrustRoots(let path, let reason):
            "the trust roots in \(path) cannot be used: \(reason)"
        case .portOutOfRange(let port):
            "\(port) is not a port (1 to 65535)"
        case .rateNotPositive(let rate):
            "\(rate) is not a number of messages a minute (at least 1)"
        }
    }
}
