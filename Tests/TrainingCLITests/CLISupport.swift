import Foundation
import GRDB

/// The package's root folder, found from this file's place in Tests/TrainingCLITests.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `training` executable built alongside the tests.
let trainingBinary: URL = {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [URL] = []
    if let explicit = environment["TRAINING_BINARY"] { candidates.append(URL(fileURLWithPath: explicit)) }
    let bundle = Bundle.main.bundleURL
    candidates += [bundle.appendingPathComponent("training"), bundle.deletingLastPathComponent().appendingPathComponent("training"),
                   packageRoot.appendingPathComponent(".build/debug/training")]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        fatalError("the training executable was not built; looked in \(candidates.map(\.path))")
    }
    return found
}()

/// `training-bench`, the benchmarks' own executable, built beside `training`.
var benchBinary: URL { trainingBinary.deletingLastPathComponent().appendingPathComponent("training-bench") }

/// What one run of the CLI printed and how it ended.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
}

/// A temporary working folder holding a database, in which commands run.
final class Workspace {
    let folder: URL
    var database: String { folder.appendingPathComponent("training.sqlite").path }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs `training ARGS --database <this workspace's database>` in the workspace folder (or another of the
    /// package's executables).
    @discardableResult
    func run(_ arguments: [String], database: Bool = true, executable: URL = trainingBinary) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + (database ? ["--database", self.database] : [])
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TRAINING_USER"] = "test-officer"
        environment.removeValue(forKey: "TRAINING_DATABASE")
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice   // never a terminal: a command that would ask goes on
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                             errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Writes a file into the workspace and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Every row of every table, read straight from the file, to prove a refused command wrote nothing.
    func snapshot() throws -> [String] {
        let queue = try DatabaseQueue(path: database)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid").map { "\(table): \($0)" }
            }
        }
    }
}
