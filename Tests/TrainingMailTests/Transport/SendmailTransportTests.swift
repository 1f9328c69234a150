import Foundation
import Testing
import TrainingMail

/// SendmailTransport with a stand-in `sendmail` (a shell script) that records what it was given and
/// exits as told.
@Suite("Handing messages to sendmail")
struct SendmailTransportTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-sendmail-\(UUID().uuidString)")

    /// Writes the stand-in: it saves its arguments and standard input beside itself, says `complaint` on
    /// standard error and exits with `status`.
    private func fakeSendmail(exiting status: Int, complaint: String = "") throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sendmail")
        let text = """
            #!/bin/sh
            printf '%s\\n' "$@" > "\(folder.path)/arguments"
            cat > "\(folder.path)/message"
            printf '%s' '\(complaint)' >&2
            exit \(status)
            """
        try text.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    /// A stand-in that hangs: it starts a `sleep` (whose number it writes beside itself), reads nothing and
    /// waits for it, as a sendmail stuck on an unanswering relay would.
    private func hangingSendmail() throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sendmail")
        let text = """
            #!/bin/sh
            sleep 30 &
            echo $! > "\(folder.path)/sleeper"
            wait
            """
        try text.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    @Test func exitZeroIsDeliveredWithTheEnvelopeAsArgumentsAndTheMessageOnStandardInput() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let envelope = testEnvelope(51, to: ["learner@agency.example", "booker@agency.example"], body: "line\n.\nafter the dot\n")
        let outcomes = await SendmailTransport(path: try fakeSendmail(exiting: 0)).deliver([envelope])
        #expect(outcomes == [.delivered])
        let arguments = try String(contentsOf: folder.appendingPathComponent("arguments"), encoding: .utf8)
        #expect(arguments == "-i\n-f\ntraining@partnership.example\n--\nlearner@agency.example\nbooker@agency.example\n")
        #expect(try Array(Data(contentsOf: folder.appendingPathComponent("message"))) == envelope.data)
    }

    /// Linux will not start a program someone holds open for writing ("text file busy"), as when a package
    /// upgrade is replacing sendmail; that passes, so the hand-over waits for it instead of failing.
    @Test func aSendmailBusyBeingWrittenIsStartedOnceItIsClosed() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try fakeSendmail(exiting: 0)
        let writer = try #require(FileHandle(forWritingAtPath: path))
        // Closed from a thread of its own: a task's sleep can outlast the hand-over's patience when a busy
        // test run holds every thread of the cooperative pool.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { try? writer.close() }
        #expect(await SendmailTransport(path: path).deliver([testEnvelope(56)]) == [.delivered])
    }

    @Test func exitSeventyFiveIsATemporaryFailureWithSendmailsWords() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = await SendmailTransport(path: try fakeSendmail(exiting: 75, complaint: "queue is full")).deliver([testEnvelope(52)])
        let words = try #require(outcomes.first?.temporaryReason)
        #expect(words.contains("queue is full"))
    }

    @Test func anyOtherExitIsAPermanentFailureWithSendmailsWords() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = await SendmailTransport(path: try fakeSendmail(exiting: 1, complaint: "no such user here")).deliver([testEnvelope(53), testEnvelope(54)])
        #expect(outcomes.count == 2)
        let words = try #require(outcomes.first?.permanentReason)
        #expect(words.contains("status 1") && words.contains("no such user here"))
    }

    /// The first message is larger than a pipe holds, so writing it would block on a sendmail that never
    /// reads: the time-out stops that too.
    @Test func aHungSendmailIsKilledAfterTheTimeOutWithWhatItStartedAndEachMessageIsATemporaryFailure() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = SendmailTransport(path: try hangingSendmail(), timeout: .milliseconds(300))
        let large = String(repeating: "A line of the joining instructions.\n", count: 8_000)
        // Without the time-out the stand-in would exit 0 when its sleep ends, and each message be delivered.
        // (How long this takes is not checked: with the whole suite running, the test may wait long for a
        // thread to resume on.)
        let outcomes = await transport.deliver([testEnvelope(56, body: large), testEnvelope(57)])
        #expect(outcomes.count == 2)
        for outcome in outcomes {
            let words = try #require(outcome.temporaryReason)
            #expect(words.contains("did not finish within 0.3 s and was stopped"))
        }
        let sleeper = try String(contentsOf: folder.appendingPathComponent("sleeper"), encoding: .utf8)
        let pid = try #require(Int32(sleeper.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(processEnds(pid), "the sleep the hung sendmail started is still running")
    }

    /// Whether process `pid` is gone (or only a zombie waiting to be reaped) within a few seconds.
    private func processEnds(_ pid: Int32) -> Bool {
        for _ in 0..<50 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
            // The state follows the command's closing parenthesis: "1234 (sleep) S ...".
            if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
                return true
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test func aMissingSendmailIsATemporaryFailureSayingSo() async throws {
        let outcomes = await SendmailTransport(path: folder.appendingPathComponent("no-sendmail").path).deliver([testEnvelope(55)])
        let words = try #require(outcomes.first?.temporaryReason)
        #expect(words.contains("there is no sendmail program at"))
    }
}
