import Foundation

/// The package's root folder, found from this file's place in Tests/TrainingMailTests/Support.
let mailTestsPackageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A mail test's tool (the SMTP server, openssl, parse-mail) could not do its part; the words say what
/// to install or what went wrong, and the test fails with them.
struct MailTestToolError: Error, CustomStringConvertible {
    var description: String
}

/// What a program run to its end printed, and how it ended.
struct ToolRun {
    var status: Int32
    var output: Data
    var errors: String
}

/// Runs a program to its end on a thread of its own (not the concurrency pool's), feeding it `input`.
func runTool(_ executable: URL, _ arguments: [String], input: Data? = nil) async throws -> ToolRun {
    try await onOwnThread {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        do {
            try process.run()
        } catch {
            throw MailTestToolError(description: "could not run \(executable.path): \(error.localizedDescription)")
        }
        if let input {
            try? standardInput.fileHandleForWriting.write(contentsOf: input)
            try? standardInput.fileHandleForWriting.close()
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, output: printed, errors: String(decoding: complaints, as: UTF8.self))
    }
}

/// Does blocking work (waiting on a process, reading a pipe) on a new thread and waits for it without
/// holding one of the few threads async tests share.
func onOwnThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// A self-signed certificate for 127.0.0.1 and localhost, made with `openssl` once per test run into a
/// temporary folder: the test SMTP server's for STARTTLS and implicit TLS, and the trust root a client
/// gives `SMTPConfiguration.trustRootsFile`.
struct TestCertificate: Sendable {
    /// The certificate (PEM); also the trust root that verifies it.
    let certificateFile: String
    /// Its private key (PEM, unencrypted).
    let keyFile: String

    /// The run's certificate, made the first time it is asked for.
    static func shared() async throws -> TestCertificate {
        try await made.value.get()
    }

    private static let made = Task { () async -> Result<TestCertificate, any Error> in
        do { return .success(try await make()) } catch { return .failure(error) }
    }

    private static func make() async throws -> TestCertificate {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-mail-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = TestCertificate(certificateFile: folder.appendingPathComponent("cert.pem").path,
                                          keyFile: folder.appendingPathComponent("key.pem").path)
        let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let openssl else {
            throw MailTestToolError(description: "the mail tests need openssl, which is missing: run scripts/install-test-tools --mail")
        }
        let run = try await runTool(URL(fileURLWithPath: openssl), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", certificate.keyFile, "-out", certificate.certificateFile])
        guard run.status == 0 else { throw MailTestToolError(description: "openssl could not make the test certificate: \(run.errors)") }
        return certificate
    }
}
