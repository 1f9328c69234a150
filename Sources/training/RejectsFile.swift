import Foundation
import TrainingCore

/// The file of rows an import could not use, written beside the input so nothing is silently dropped.
enum RejectsFile {
    /// `progress.csv` → `progress.rejects.csv`.
    static func path(beside input: String) -> String {
        URL(fileURLWithPath: input).deletingPathExtension().appendingPathExtension("rejects.csv").path
    }

    /// Writes the rejected rows (line, the row's identifying values, reason) beside `input`, or removes a
    /// rejects file left by an earlier import when there are none, and says where they are.
    static func replace(beside input: String, columns: [String], rows: [(line: Int, values: [String], reason: String)]) throws {
        let path = path(beside: input)
        guard !rows.isEmpty else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let lines = [CSVDocument.line(["line"] + columns + ["reason"])]
            + rows.map { CSVDocument.line([String($0.line)] + $0.values + [$0.reason]) }
        do {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError("cannot write the rejects file: \(error.localizedDescription)", at: InputLocation(file: path))
        }
        print("Rejected rows, with their line and reason, are in \(path).")
    }
}
