import Foundation
import TrainingMail

/// A real SMTP server for one test: `scripts/smtp-test-server` (aiosmtpd) on 127.0.0.1, on a port it
/// chose, saving what it accepts into a temporary folder. Use it through `run`, which stops it and
/// removes the folder however the test ends:
///
///     try await SMTPTestServer.run(.init(security: .startTLS, credentials: ("officer", "secret"))) { server in
///         let transport = try SMTPTransport(configuration: server.configuration(
///             credentials: SMTPCredentials(user: "officer", password: "secret")))
///         _ = await transport.deliver([...])
///         let received = try server.received()   // what the server took, in order
///         let mail = try await received[0].message()   // parsed back by scripts/parse-mail
///     }
///
/// When aiosmtpd or openssl is missing the test fails with words saying to run
/// `scripts/install-test-tools --mail`: the mail tests never skip.
final class SMTPTestServer {
    /// How the server behaves.
    struct Options {
        enum Security { case none, startTLS, implicitTLS }
        /// `.startTLS` requires STARTTLS before AUTH and MAIL; both TLS kinds use `TestCertificate`.
        var security: Security = .none
        /// When set, AUTH with exactly these is required before MAIL; others get 535.
        var credentials: (user: String, password: String)?
        /// The AUTH mechanisms offered, of PLAIN and LOGIN.
        var authMechanisms: [String] = ["PLAIN", "LOGIN"]
        /// RCPT TO for these addresses is answered with the code (550, 451, ...) instead of accepted.
        var replies: [String: Int] = [:]
        /// Closes the connection right after accepting this many messages: a relay gone mid-batch.
        var dropAfter: Int?
        /// Accepts connections and never says a word: a relay that hangs.
        var silent = false

        init(security: Security = .none, credentials: (user: String, password: String)? = nil,
             authMechanisms: [String] = ["PLAIN", "LOGIN"], replies: [String: Int] = [:], dropAfter: Int? = nil, silent: Bool = false) {
            self.security = security
            self.credentials = credentials
            self.authMechanisms = authMechanisms
            self.replies = replies
            self.dropAfter = dropAfter
            self.silent = silent
        }
    }

    /// The port it listens on, on 127.0.0.1.
    let port: Int
    /// Where it saves each accepted message (NNNN.eml) and its envelope (NNNN.json).
    let folder: URL
    /// The certificate it presents, when it speaks TLS: give `certificate.certificateFile` as trust root.
    let certificate: TestCertificate?
    let options: Options
    private let process: Process

    private init(port: Int, folder: URL, certificate: TestCertificate?, options: Options, process: Process) {
        self.port = port
        self.folder = folder
        self.certificate = certificate
        self.options = options
        self.process = process
    }

    /// A configuration that reaches this server: 127.0.0.1, its port, its kind of security with its
    /// certificate as the trust root, and a rate high enough not to slow a test.
    func configuration(credentials: SMTPCredentials? = nil, messagesPerMinute: Int = 600_000) -> SMTPConfiguration {
        let security: SMTPSecurity = switch options.security {
        case .none: .none
        case .startTLS: .startTLS
        case .implicitTLS: .implicitTLS
        }
        return SMTPConfiguration(host: "127.0.0.1", port: port, security: security, credentials: credentials,
                                 heloName: "tests.localhost", connectTimeout: .seconds(10), replyTimeout: .seconds(30),
                                 trustRootsFile: certificate?.certificateFile, messagesPerMinute: messagesPerMinute)
    }

    /// Starts a server, runs `body` with it, then stops it and removes its folder.
    static func run<Value>(_ options: Options = Options(), _ body: (SMTPTestServer) async throws -> Value) async throws -> Value {
        let server = try await start(options)
        defer { server.stop() }
        return try await body(server)
    }

    /// Starts the script and waits for the port it prints first. Prefer `run`, which always stops it.
    static func start(_ options: Options) async throws -> SMTPTestServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = options.security == .none ? nil : try await TestCertificate.shared()
        var arguments = ["--port", "0", "--out", folder.appendingPathComponent("received").path]
        if let certificate {
            arguments += [options.security == .startTLS ? "--starttls" : "--implicit-tls", certificate.certificateFile, certificate.keyFile]
        }
        if let credentials = options.credentials {
            arguments += ["--auth", "\(credentials.user):\(credentials.password)", "--auth-mechanisms", options.authMechanisms.joined(separator: ",")]
        }
        for (address, code) in options.replies.sorted(by: { $0.key < $1.key }) {
            arguments += ["--reply-for", "\(address)=\(code)"]
        }
        if let dropAfter = options.dropAfter { arguments += ["--drop-after", String(dropAfter)] }
        if options.silent { arguments.append("--silent") }
        let process = Process()
        process.executableURL = mailTestsPackageRoot.appendingPathComponent("scripts/smtp-test-server")
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let firstLine = try await onOwnThread { Self.firstLine(of: output.fileHandleForReading) }
        guard let port = Int(firstLine.trimmingCharacters(in: .whitespaces)) else {
            process.terminate()
            process.waitUntilExit()
            let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try? FileManager.default.removeItem(at: folder)
            throw MailTestToolError(description: "scripts/smtp-test-server did not start (status \(process.terminationStatus)): "
                + (complaint.isEmpty ? "it printed no port" : complaint))
        }
        return SMTPTestServer(port: port, folder: folder, certificate: certificate, options: options, process: process)
    }

    /// Reads up to the first newline, or the end when the script stops without one.
    private static func firstLine(of handle: FileHandle) -> String {
        var line = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
            if chunk.contains(UInt8(ascii: "\n")) { break }
        }
        return String(decoding: line.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    /// Stops the server (SIGTERM, then SIGKILL if it is still there after two seconds) and removes its
    /// folder; `run` calls it.
    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// What the server has accepted so far, in the order it accepted it.
    func received() throws -> [ReceivedEnvelope] {
        let saved = folder.appendingPathComponent("received")
        guard FileManager.default.fileExists(atPath: saved.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try FileManager.default.contentsOfDirectory(atPath: saved.path)
            .filter { $0.hasSuffix(".json") }.sorted()
            .map { name in
                let file = saved.appendingPathComponent(name)
                let record = try decoder.decode(ReceivedEnvelope.Record.self, from: Data(contentsOf: file))
                return ReceivedEnvelope(record: record, messageFile: file.deletingPathExtension().appendingPathExtension("eml"))
            }
    }
}

/// One message the test server accepted: its envelope and how the connection it came on was set up.
struct ReceivedEnvelope {
    /// The server's NNNN.json.
    struct Record: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var tls: Bool
        var auth: Bool
        var authMechanism: String?
        var authUser: String?
        var connection: Int
    }

    private let record: Record
    /// The message as received (dot-stuffing undone).
    let messageFile: URL

    init(record: Record, messageFile: URL) {
        self.record = record
        self.messageFile = messageFile
    }

    var mailFrom: String { record.mailFrom }
    var recipients: [String] { record.rcptTos }
    /// Whether the connection was encrypted (STARTTLS or implicit TLS) when the message came.
    var tls: Bool { record.tls }
    /// Whether the client had signed in.
    var auth: Bool { record.auth }
    /// The AUTH mechanism it signed in with (PLAIN or LOGIN).
    var authMechanism: String? { record.authMechanism }
    var authUser: String? { record.authUser }
    /// Which connection it came on, counted from 1 since the server started.
    var connection: Int { record.connection }

    /// The message's bytes as the server received them.
    func data() throws -> Data { try Data(contentsOf: messageFile) }

    /// The message read back by `scripts/parse-mail`.
    func message() async throws -> ReceivedMail { try await ReceivedMail.parse(messageFile) }
}
