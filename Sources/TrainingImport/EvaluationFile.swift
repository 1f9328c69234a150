import Foundation
import TrainingCore

/// Reads evaluations exported from a previous system:
/// `session_ref,learner_email,submitted_on,satisfaction,knowledge,confidence_before,confidence_after,best_part,practice_change,improve`
/// (knowledge `a lot`, `a little` or `not at all`). A value out of range refuses the file at its line.
public enum EvaluationFile {
    public static let requiredColumns = ["session_ref", "learner_email", "submitted_on", "satisfaction", "knowledge"]
    public static let optionalColumns = ["confidence_before", "confidence_after", "best_part", "practice_change", "improve"]

    public static func read(_ url: URL, displayName: String? = nil) throws -> [HistoricalEvaluation] {
        let name = displayName ?? url.path
        return try parse(TextFile.read(url, displayName: name), file: name)
    }

    /// Parses the file, stopping at nothing: one bad line is reported as it is, several together.
    public static func parse(_ text: String, file: String) throws -> [HistoricalEvaluation] {
        var problems: [InputError] = []
        let rows = rows(text, file: file, problems: &problems)
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw InputProblems(problems) }
        return rows
    }

    /// The rows that read, with every bad line added to `problems`; `progress` is told the fraction of lines checked.
    static func rows(_ text: String, file: String, problems: inout [InputError],
                     progress: ((Double) -> Void)? = nil) -> [HistoricalEvaluation] {
        guard let document = CSVDocument.parse(text, file: file, required: requiredColumns, optional: optionalColumns,
                                               problems: &problems) else { return [] }
        return InputProblems.collect(document.records, into: &problems, progress: progress) { record in
            func number(_ column: String) throws -> Int? {
                guard let value = record.optional(column) else { return nil }
                guard let number = Int(value) else { throw InputError("'\(value)' is not a whole number", at: record.location(column)) }
                return number
            }
            guard let satisfaction = try number("satisfaction") else {
                throw InputError("a satisfaction score (1 to 5) is required", at: record.location("satisfaction"))
            }
                        let answers = try EvaluationAnswers(
                satisfaction: satisfaction, knowledge: KnowledgeGain.parse(record["knowledge"], at: record.location("knowledge")),
                confidenceBefore: number("confidence_before"), confidenceAfter: number("confidence_after"),
                bestPart: record.raw("best_part"), practiceChange: record.raw("practice_change"), improve: record.raw("improve"),
                at: InputLocation(file: file, line: record.line))
            guard let reference = record.optional("session_ref") else {
                throw InputError("a session reference is required", at: record.location("session_ref"))
            }
            return HistoricalEvaluation(line: record.line, sessionReference: reference, learnerEmail: record["learner_email"],
                                        submittedOn: try LocalDate.parse(record["submitted_on"], at: record.location("submitted_on")),
                                        answers: answers)
        }
    }
}
