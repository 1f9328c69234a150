import Foundation
import Testing
import TrainingCore
import TrainingImport

private func character(_ value: UInt32) -> String { Unicode.Scalar(value).map { String(Character($0)) } ?? "" }

/// Issue 16, findings 5 and 9: every importer refuses text that cannot be stored, at its file, line and field.
@Suite("Importers keep only storable text")
struct StoredTextImportTests {
    @Test func aLearnerFileWithANoncharacterInANameIsRefusedAtItsLineAndColumn() {
        #expect(throws: InputError("'name' contains a character that cannot be stored (U+FFFF)",
                                   at: InputLocation(file: "staff.csv", line: 2, field: "name"))) {
            try LearnerFile.parse("name,email,agency\nJo" + character(0xFFFF) + ",jo@x.org,Council\n", file: "staff.csv")
        }
    }

    @Test func aLearnerFileWithAJobRoleOverTheLimitIsRefusedNamingTheLimit() {
        #expect(throws: InputError("the job role is 201 characters long; the most kept is 200",
                                   at: InputLocation(file: "staff.csv", line: 2, field: "job_role"))) {
            try LearnerFile.parse("name,email,agency,job_role\nJo,jo@x.org,Council,\(String(repeating: "r", count: 201))\n", file: "staff.csv")
        }
    }

    @Test func aHistorySessionWithAVenueOverTheLimitIsRefusedAtItsLine() {
        var problems: [InputError] = []
        let venue = String(repeating: "v", count: 1001)
        let rows = HistoryFiles.parseSessions("""
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            S1,Course,foundation,face-to-face,2015-06-01,,\(venue),20,delivered,

            """, file: "sessions.csv", problems: &problems)
        #expect(rows.isEmpty)
        #expect(problems == [InputError("'venue' is 1001 characters long; the most kept is 1000",
                                        at: InputLocation(file: "sessions.csv", line: 2, field: "venue"))])
    }

    @Test func aCatalogueTitleWrittenWithAYAMLEscapeForANoncharacterIsRefused() {
        let yaml = """
            courses:
              - title: "Course \\uFFFE"
                level: foundation
                delivery: face-to-face
                duration: 3h
                capacity: 20
                minimum: 5
            """
        #expect(throws: InputError("the title contains a character that cannot be stored (U+FFFE)",
                                   at: InputLocation(file: "c.yaml", line: 2, field: "title"))) {
            try CatalogueFiles.parse(yaml, file: "c.yaml")
        }
    }
}
