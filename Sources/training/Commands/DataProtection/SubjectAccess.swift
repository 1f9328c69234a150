import ArgumentParser
import Foundation
import TrainingReports
import TrainingStore

extension Training {
    /// `training subject-access EMAIL --out FILE`.
    struct SubjectAccess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subject-access",
            abstract: "Gather everything held about one person into a workbook (.xlsx) or JSON file (.json).",
            discussion: """
                Details, bookings with their history, charges that name them, licences, evaluations and follow-ups \
                they wrote, evaluation links, notifications and audit entries about them — and nothing about anyone else.

                Examples:
                  training subject-access sam.jones@westvale.example --out sar-sam-jones.xlsx
                  training subject-access sam.jones@westvale.example --out sar-sam-jones.json
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "The person's email.") var email: String
        @Option(help: "The file to write: .xlsx or .json.") var out: String

        func validate() throws {
            guard out.hasSuffix(".xlsx") || out.hasSuffix(".json") else {
                throw ValidationError("--out must name a .xlsx or a .json file")
            }
        }

        func run() throws {
            let database = try options.open()
            let record = try database.subjectAccess(email: email)
            try AppDatabase.refuseExisting(out, option: "--out")
            if out.hasSuffix(".json") {
                try Arguments.emit(String(decoding: try record.json(), as: UTF8.self) + "\n", to: out)
            } else {
                try SubjectAccessWorkbook.write(record, partnershipName: try database.settings().partnershipName, to: out)
                print("Wrote \(out).")
            }
            let counts = record.sections.map { "\($0.title.lowercased()) \($0.rows.count)" }.joined(separator: ", ")
            print("Held about \(record.email): \(counts).")
        }
    }
}
