import Foundation
import TrainingCore

/// Reads a staff list CSV: `name,email,agency,job_role,team` (job_role and team may be left out; a team is
/// what a booker of a large agency finds their staff by).
public enum LearnerFile {
    public static let requiredColumns = ["name", "email", "agency"]
    public static let optionalColumns = ["job_role", "team"]

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
                                             jobRole: record.optional("job_role"), team: record.optional("team"),
                                             at: InputLocation(file: file, line: record.line))
            return LocatedLearner(details: details, location: InputLocation(file: file, line: record.line))
        }
    }
}
