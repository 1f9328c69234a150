import Foundation
import TrainingCore

/// Reads a staff list CSV: `name,email,agency,job_role` (job_role may be left out).
public enum LearnerFile {
    public static let requiredColumns = ["name", "email", "agency"]
    public static let optionalColumns = ["job_role"]

    public static func read(_ url: URL, displayName: String? = nil) throws -> [LocatedLearner] {
        let name = displayName ?? url.path
        return try parse(TextFile.read(url, displayName: name), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> [LocatedLearner] {
        let document = try CSVDocument.parse(text, file: file, required: requiredColumns, optional: optionalColumns)
        return try document.records.map { record in
            let email = try EmailAddress(record["email"], at: record.location("email"))
            guard let agency = record.optional("agency") else {
                throw InputError("an agency is required (the learner's employer, as in `training agency list`)",
                                 at: record.location("agency"))
            }
            let details = try LearnerDetails(name: record["name"], email: email, agencyName: agency,
                                             jobRole: record.optional("job_role"),
                                             at: InputLocation(file: file, line: record.line))
            return LocatedLearner(details: details, location: InputLocation(file: file, line: record.line))
        }
    }
}
