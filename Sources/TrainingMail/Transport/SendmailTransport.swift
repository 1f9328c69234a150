import Foundation

/// Hands each message to the system's `sendmail` interface (Debian's msmtp-mta or postfix), which takes
/// it from there: `sendmail -i -f FROM -- RECIPIENT...` with the message on standard input. `-i` keeps a
/// line of a single "." from ending the message early.
///
/// Exit status 0 is delivered (to sendmail's queue); 75 (EX_TEMPFAIL, sysexits.h) is a temporary failure;
/// any other is permanent, with what sendmail wrote on standard error. A missing program is temporary:
/// installing it mends it. A sendmail still running after `timeout` (a hung relay behind it) is killed,
/// with anything it started, and the message is a temporary failure: one hung hand-over must not stop
/// every message after it.
public struct SendmailTransport: MailTransport {
    public let path: String
    /// How long one message's sendmail may run before it is killed.
    public let timeout: Duration

    public init(path: String = "/usr/sbin/sendmail", timeout: Duration = .seconds(60)) {
        self.path = path
        self.timeout = timeout
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
            Thread.detachNewThread { [path, timeout] in
                continuation.resume(returning: Self.run(path, arguments: arguments, input: envelope.data, timeout: timeout))
            }
        }
    }

    private static func run(_ path: String, arguments: [String], input: [UInt8], timeout: Duration) -> DeliveryOutcome {
        let exited = DispatchSemaphore(value: 0)
        let started = start {
            let sendmail = StartingSendmail(process: Process(), standardInput: Pipe(), standardError: Pipe())
            sendmail.process.executableURL = URL(fileURLWithPath: path)
            sendmail.process.arguments = arguments
            sendmail.process.standardInput = sendmail.standardInput
            sendmail.process.standardOutput = FileHandle.nullDevice
            sendmail.process.standardError = sendmail.standardError
            sendmail.process.terminationHandler = { _ in exited.signal() }
            return sendmail
        }
        let process: Process, standardInput: Pipe, standardError: Pipe
        switch started {
        case .success(let sendmail): (process, standardInput, standardError) = (sendmail.process, sendmail.standardInput, sendmail.standardError)
        case .failure(let failure): return .temporaryFailure("could not start \(path): \(failure.localizedDescription)")
        }
        // The message is written and standard error read on threads of their own, so neither side waits on
        // a full pipe and a sendmail that never reads cannot hold this thread past the time-out.
        let errorText = Handoff(Data())
        Thread.detachNewThread { errorText.set(standardError.fileHandleForReading.readDataToEndOfFile()) }
        let written = Handoff<Result<Void, any Error>>(.success(()))
        Thread.detachNewThread {
            written.set(Result { try standardInput.fileHandleForWriting.write(contentsOf: input) })
            try? standardInput.fileHandleForWriting.close()
        }
        if exited.wait(timeout: .now() + timeout.timeInterval) == .timedOut {
            // Foundation starts it in a process group of its own: the group takes anything it started too,
            // which would otherwise keep the pipes open. SIGKILL cannot be refused, so this does not wait to
            // hear of the exit: Foundation hears of every process's on one thread of its own, which another
            // process of this program can hold up.
            kill(-process.processIdentifier, SIGKILL)
            return .temporaryFailure("\(path) did not finish within \(timeout.shownInSeconds) and was stopped")
        }
        let words = errorText.words()
        if process.terminationReason == .uncaughtSignal {
            return .temporaryFailure("\(path) was stopped by signal \(process.terminationStatus)")
        }
        switch process.terminationStatus {
        case 0:
            if case .failure(let error) = written.wait() { return .temporaryFailure("\(path) did not read the whole message: \(error.localizedDescription)") }
            return .delivered
        case temporaryFailureStatus:
            return .temporaryFailure("\(path) exited with status 75 (try again later)" + (words.isEmpty ? "" : ": \(words)"))
        case let status:
            return .permanentFailure("\(path) exited with status \(status)" + (words.isEmpty ? "" : ": \(words)"))
        }
    }
}

extension SendmailTransport {
    /// Starts a process `make` sets up, or says why it could not. Linux refuses to start a program while any
    /// process holds it open for writing ("text file busy"): a package upgrade replacing sendmail, or
    /// another thread of this program forking while a file was being written. That passes within moments,
    /// so a fresh process is tried again, waiting a little longer each time (about 1.5 s in all), before it
    /// counts as a failure.
    private static func start(_ make: () -> StartingSendmail) -> Result<StartingSendmail, any Error> {
        var wait = Duration.milliseconds(25)
        var attempts = 1
        while true {
            let sendmail = make()
            do {
                try sendmail.process.run()
                return .success(sendmail)
            } catch where attempts < 7 && isTextFileBusy(error) {
                Thread.sleep(forTimeInterval: wait.timeInterval)
                wait *= 2
                attempts += 1
            } catch {
                return .failure(error)
            }
        }
    }

    /// A sendmail process set up with the pipes it is given the message on and complains on.
    private struct StartingSendmail {
        let process: Process
        let standardInput: Pipe
        let standardError: Pipe
    }

    private static func isTextFileBusy(_ error: any Error) -> Bool {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY) { return true }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return isTextFileBusy(underlying)
    }
}

extension Duration {
    /// In seconds, as Dispatch's deadlines take it.
    fileprivate var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// In seconds, as a person reads it: "60 s", "0.5 s".
    fileprivate var shownInSeconds: String {
        let seconds = timeInterval
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// A value handed from the thread that makes it (what sendmail wrote on standard error, whether the whole
/// message reached its standard input) to the one that waits for it.
private final class Handoff<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value

    init(_ placeholder: Value) { value = placeholder }

    func set(_ value: Value) {
        self.value = value
        done.signal()
    }

    func wait() -> Value {
        done.wait()
        return value
    }
}

extension Handoff<Data> {
    /// Waits for the reader, then gives the words on one line, cut to a length a log or a page can show.
    func words() -> String {
        let text = String(decoding: wait(), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return text.count > 500 ? String(text.prefix(500)) + "…" : text
    }
}
