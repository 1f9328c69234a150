import Foundation
import Testing

@Suite("The command line killed at random")
struct FaultCLITests {
    /// Runs scripts/fault-test against the built binary: SIGKILL at random moments of a large history import
    /// (16 times), of bookings one at a time (16 times) and eight at once (6 rounds), of a board report and
    /// of a bookings export (4 times each), and of `training mail send` with 80 messages queued for a test
    /// SMTP server (12 times, then once to the end: no message lost, at most one duplicate per kill),
    /// checking the file, the data and the output folder after each kill. The script names the kill that
    /// broke a rule and its seed, to repeat it.
    @Test func aKilledCommandLeavesTheDataAsBeforeOrAsAfterAndNoHalfWrittenWorkbook() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/fault-test").path, "--binary", trainingBinary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report)")
        #expect(report.contains("fault-test: passed"), "\(report)")
    }
}
