import Foundation
import Testing
import TrainingCore
@testable import TrainingImport

@Suite("Catalogue files")
struct CatalogueFilesTests {
    let valid = """
        # A test catalogue
        courses:
          - title: Introduction to Safeguarding
            level: foundation
            delivery: face-to-face
            duration: 3h
            capacity: 25
            minimum: 8
            refresher_months: 36
            prerequisites: []
            active: true
            description: >-
              What every member of the children's workforce
              needs to know.
            outcomes:
              - Recognise the signs of abuse.
              - Know how to refer a concern.
          - title: Designated Safeguarding Lead
            level: advanced
            delivery: virtual
            duration: 6h30m
            capacity: 20
            minimum: 6
            prerequisites:
              - Introduction to Safeguarding
        """

    @Test func coursesAreReadWithEveryField() throws {
        let entries = try CatalogueFiles.parse(valid, file: "Courses/test.yaml")
        #expect(entries.count == 2)
        let first = entries[0].definition
        #expect(first == CourseDefinition(
            title: "Introduction to Safeguarding", level: .foundation, delivery: .faceToFace,
            duration: CourseDuration(minutes: 180)!, capacity: 25, minimumNumbers: 8, refresherMonths: 36,
            prerequisites: [], isActive: true,
            summary: "What every member of the children's workforce needs to know.",
            outcomes: ["Recognise the signs of abuse.", "Know how to refer a concern."]))
        let second = entries[1].definition
        #expect(second.duration.minutes == 390)
        #expect(second.prerequisites == ["Introduction to Safeguarding"])
        #expect(second.isActive)
        #expect(second.refresherMonths == nil)
    }

    @Test func eachEntryKnowsTheLinesOfItsFields() throws {
        let entries = try CatalogueFiles.parse(valid, file: "Courses/test.yaml")
        #expect(entries[0].line == 3)
        #expect(entries[0].location("level") == InputLocation(file: "Courses/test.yaml", line: 4, field: "level"))
        #expect(entries[1].location("prerequisites") == InputLocation(file: "Courses/test.yaml", line: 24, field: "prerequisites"))
    }

    @Test func anUnknownLevelIsReportedWithFileLineAndField() {
        let text = valid.replacingOccurrences(of: "level: advanced", with: "level: expert")
        #expect(throws: InputError("unknown level 'expert' (expected one of: foundation, intermediate, advanced)",
                                   at: InputLocation(file: "Courses/test.yaml", line: 19, field: "level"))) {
            try CatalogueFiles.parse(text, file: "Courses/test.yaml")
        }
    }

    @Test func aMissingFieldIsReportedAtTheStartOfTheCourse() {
        let text = valid.replacingOccurrences(of: "    capacity: 20\n", with: "")
        #expect(throws: InputError("the course has no 'capacity'", at: InputLocation(file: "Courses/test.yaml", line: 18, field: "capacity"))) {
            try CatalogueFiles.parse(text, file: "Courses/test.yaml")
        }
    }

    @Test func aMisspeltFieldIsRefusedRatherThanIgnored() {
        let text = valid.replacingOccurrences(of: "minimum: 6", with: "minimun: 6")
        #expect(throws: InputError("unknown field 'minimun' (fields: title, level, delivery, duration, capacity, minimum, refresher_months, prerequisites, active, description, outcomes)",
                                   at: InputLocation(file: "Courses/test.yaml", line: 23, field: "minimun"))) {
            try CatalogueFiles.parse(text, file: "Courses/test.yaml")
        }
    }

    @Test func aCapacityThatIsNotAWholeNumberIsRefused() {
        let text = valid.replacingOccurrences(of: "capacity: 25", with: "capacity: twenty")
        #expect(throws: InputError("'twenty' is not a whole number", at: InputLocation(file: "Courses/test.yaml", line: 7, field: "capacity"))) {
            try CatalogueFiles.parse(text, file: "Courses/test.yaml")
        }
    }

    @Test func aMalformedDurationIsRefused() {
        let text = valid.replacingOccurrences(of: "duration: 3h", with: "duration: 3 hours")
        #expect(throws: InputError("'3 hours' is not a duration (write it like 3h, 45m or 2h30m)",
                                   at: InputLocation(file: "Courses/test.yaml", line: 6, field: "duration"))) {
            try CatalogueFiles.parse(text, file: "Courses/test.yaml")
        }
    }

    @Test func brokenYAMLIsReportedAtItsLine() throws {
        let text = "courses:\n  - title: A\n    level: [foundation\n"
        do {
            _ = try CatalogueFiles.parse(text, file: "Courses/bad.yaml")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.location.file == "Courses/bad.yaml")
            #expect(error.location.line != nil)
            #expect(error.problem.hasPrefix("this is not valid YAML"))
        }
    }

    @Test func aFileWithoutACoursesListIsRefused() {
        #expect(throws: InputError("unknown key 'course' at the top of the file (only 'courses' is allowed)",
                                   at: InputLocation(file: "c.yaml", line: 1, field: "course"))) {
            try CatalogueFiles.parse("course:\n  - title: A\n", file: "c.yaml")
        }
        #expect(throws: InputError("the file is empty: expected a 'courses:' list", at: InputLocation(file: "c.yaml"))) {
            try CatalogueFiles.parse("", file: "c.yaml")
        }
    }

    /// The catalogue shipped in Courses/ at the top of the package.
    static let shippedCatalogue = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Courses")

    @Test func theShippedCatalogueHoldsThePartnershipsThirtyFiveCourses() throws {
        let entries = try CatalogueFiles.read(directory: Self.shippedCatalogue)
        #expect(entries.count == 35)
        let byLevel = Dictionary(grouping: entries.map(\.definition), by: \.level)
        #expect(byLevel[.foundation]?.count == 10)  // 5 face-to-face + 5 e-learning modules
        #expect(byLevel[.intermediate]?.count == 20)
        #expect(byLevel[.advanced]?.map(\.title).sorted() == [
            "AIM2 Refresher", "Designated Safeguarding Lead", "Introduction to Supervision and Risk Management",
            "MasterClass - Disguised Compliance", "YHMAST Regional Conference",
        ])
        #expect(entries.filter { $0.definition.delivery == .eLearning }.count == 5)
        #expect(Set(entries.map { $0.definition.title.lowercased() }).count == 35)
        let domesticAbuse = entries.first { $0.definition.title == "Safeguarding Children Who experience Domestic Abuse" }
        #expect(domesticAbuse?.definition.prerequisites == ["Awareness of Domestic Abuse"])
        #expect(entries.allSatisfy { !$0.definition.summary.isEmpty && !$0.definition.outcomes.isEmpty })
    }
}
