import Foundation
import TrainingCore

/// Reads a supplier's e-learning progress export: `email,module,started_on,completed_on`. Other columns
/// (suppliers add scores, times, departments) are ignored; dates are `YYYY-MM-DD` or `DD/MM/YYYY`.
/// A malformed date, or a completion before the start, refuses the file at its line: the file is wrong,
/// not merely unmatched.
public enum UsageFile {
    public static let requiredColumns = ["email", "module", "started_on", "completed_on"]

    public static func read(_ url: URL, displayName: String? = nil) throws -> [UsageRow] {
        let name = displayName ?? url.path
        return try parse(TextFile.read(url, displayName: name), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> [UsageRow] {
        let document = try CSVDocument.parse(text, file: file, required: requiredColumns, allowingExtraColumns: true)
        return try document.records.map { record in
            let started = try record.optional("started_on").map { try LocalDate.parse($0, at: record.location("started_on")) }
            let completed = try record.optional("completed_on").map { try LocalDate.parse($0, at: record.location("completed_on")) }
            if let started, let completed, completed < started {
                throw InputError("completed on \(completed), before it was started on \(started)", at: record.location("completed_on"))
            }
            return UsageRow(line: record.line, email: record["email"], module: record["module"], startedOn: started, completedOn: completed)
        }
    }
}
