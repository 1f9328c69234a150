import Foundation

/// Hands each message to the system's `sendmail` interface (Debian's msmtp-mta or postfix), which takes
/// it from there: `sendmail -i -f FROM -- RECIPIENT...` with the message on standard input. `-i` keeps a
/// line of a single "." from ending the message early.
///
/// Exit status 0 is delivered (to sendmail's queue); 75 (EX_TEMPFAIL, sysexits.h) is a temporary failure;
/// any other is permanent, with what sendmail wrote on standard error. A missing program is temporary:
/// installing it mends it.
public struct SendmailTransport: MailTransport {
    public let path: String

    public init(path: String = "/usr/sbin/sendmail") {
        self.path = path
        Self.ignoreBrokenPipes
    }

    /// Writing to a sendmail that has already exited would kill this whole process with SIGPIPE; ignored,
    /// the write fails instead and sendmail's exit status says why. Done once, for the process.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// EX_TEMPFAIL: "temporary failure, try again later".
    static let temporaryFailureStatus: Int32 = 75

    public func deliver(_ batch: [OutgoingEnvelope], reporting report: @Sendable (Int, DeliveryOutcome) async -> Void) async {
        for (index, envelope) in batch.enumerated() { await report(index, await deliver(envelope)) }
    }

    private func deliver(_ envelope: OutgoingEnvelope) async -> DeliveryOutcome {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return .temporaryFailure("there is no sendmail program at \(path): install msmtp-mta or postfix, or set sendmail-path")
        }
        let arguments = ["-i", "-f", envelope.from, "--"] + envelope.recipients
        // Process waits by blocking; it does so on a thread of its own, not on the concurrency pool's.
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread { [path] in
                continuation.resume(returning: Self.run(path, arguments: arguments, input: envelope.data))
            }
        }
    }

    private static func run(_ path: String, arguments: [String], input: [UInt8]) -> DeliveryOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let standardInput = Pipe()
        let standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        do {
            try process.run()
        } catch {
            return .temporaryFailure("could not start \(path): \(error.localizedDescription)")
        }
        // Standard error is read while the message is written, so neither side waits on a full pipe.
        let errorText = ErrorOutput()
        let reader = Thread { errorText.set(standardError.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let written = Result { try standardInput.fileHandleForWriting.write(contentsOf: input) }
        try? standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        let words = errorText.wait()
        if process.terminationReason == .uncaughtSignal {
            return .temporaryFailure("\(path) was stopped by signal \(process.terminationStatus)")
        }
        switch process.terminationStatus {
        case 0:
            if case .failure(let error) = written { return .temporaryFailure("\(path) did not read the whole message: \(error.localizedDescription)") }
            return .delivered
        case temporaryFailureStatus:
            return .temporaryFailure("\(path) exited with status 75 (try again later)" + (words.isEmpty ? "" : ": \(words)"))
        case let status:
            return .permanentFailure("\(path) exited with status \(status)" + (words.isEmpty ? "" : ": \(words)"))
        }
    }
}

/// What sendmail wrote on standard error, handed from the thread that reads it.
private final class ErrorOutput: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    func set(_ data: Data) {
        self.data = data
        done.signal()
    }

    /// Waits for the reader, then gives the words on one line, cut to a length a log or a page can show.
    func wait() -> String {
        done.wait()
        let text = String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
