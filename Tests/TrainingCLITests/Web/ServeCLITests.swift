import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The body of a GET on loopback, or nil when nothing answers.
func fetch(_ address: String) -> String? {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var body: String?
    URLSession.shared.dataTask(with: URL(string: address)!) { data, _, _ in
        body = data.map { String(decoding: $0, as: UTF8.self) }
        done.signal()
    }.resume()
    done.wait()
    return body
}

@Suite("The web server from the command line", .serialized)
struct ServeCLITests {
    /// Starts `training serve` on a free loopback port and waits until it answers.
    func start(_ workspace: Workspace, port: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = trainingBinary
        process.arguments = ["serve", "--port", String(port), "--database", workspace.database]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        for _ in 0..<100 {
            if fetch("http://127.0.0.1:\(port)/health") == "ok" { return (process, output) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        Issue.record("the server did not answer on port \(port)")
        return (process, output)
    }

    @Test func theFirstRunSaysHowToMakeTheFirstOfficerAndSIGTERMStopsItCleanly() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        let port = 18_000 + Int.random(in: 0..<2000)
        let (process, output) = try start(workspace, port: port)
        process.terminate()   // SIGTERM
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("No one can sign in yet. Make the first officer"))
        #expect(printed.contains("training user add you@partnership.example --name \"Your Name\" --role officer"))
        #expect(printed.hasSuffix("Stopped: requests in flight were finished and the database is closed.\n"))
        #expect(try workspace.run(["check"]).status == 0)
    }

    @Test func aUserIsAddedWithAPasswordFromStandardInputAndATooShortOneIsRefused() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.run(["agency", "add", "Calderdale NHS", "--sector", "Health"])
        func add(_ arguments: [String], password: String) throws -> CommandResult {
            let process = Process()
            process.executableURL = trainingBinary
            process.arguments = ["user", "add"] + arguments + ["--password-stdin", "--database", workspace.database]
            let input = Pipe(), output = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data("\(password)\n".utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return CommandResult(status: process.terminationStatus, output: String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                                 errors: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        let added = try add(["pat@nhs.example", "--name", "Pat Booker", "--role", "booker", "--agency", "Calderdale NHS"], password: "a long enough passphrase")
        #expect(added.output == "Added pat@nhs.example (booker, Calderdale NHS). They can sign in now.\n", "\(added.errors)")
        let short = try add(["lee@partnership.example", "--name", "Lee", "--role", "officer"], password: "short")
        #expect(short.status == 1)
        #expect(short.errors == "error: a password needs at least 12 characters\n")
        let noAgency = try add(["sam@nhs.example", "--name", "Sam", "--role", "booker"], password: "a long enough passphrase")
        #expect(noAgency.errors == "error: field '--agency': a booker books for one agency: give --agency\n")
        let hashes = try workspace.snapshot().filter { $0.hasPrefix("appUser:") }
        #expect(hashes.count == 1)
        #expect(hashes[0].contains("$2b$12$"))   // bcrypt, cost 12
    }
}
