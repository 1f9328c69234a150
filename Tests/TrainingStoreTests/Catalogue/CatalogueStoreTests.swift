import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Catalogue import")
struct CatalogueStoreTests {
    let entries = [
        entry(course("Awareness of Domestic Abuse", delivery: .eLearning, capacity: 1, minimum: 0), line: 2),
        entry(course("Safeguarding Children Who experience Domestic Abuse", level: .intermediate,
                     prerequisites: ["Awareness of Domestic Abuse"], outcomes: ["Recognise coercive control."]), line: 14),
        entry(course("Designated Safeguarding Lead", level: .advanced), line: 30),
    ]

    @Test func importedCoursesReadBackExactlyAsWritten() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let summary = try database.importCatalogue(entries, by: "officer")
        #expect(summary.added.count == 3)
        let stored = try database.courses().map(\.definition)
        #expect(Set(stored) == Set(entries.map(\.definition)))
    }

    @Test func coursesAreListedByLevelThenTitle() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue(entries, by: "officer")
        #expect(try database.courses().map(\.definition.title) == [
            "Awareness of Domestic Abuse", "Safeguarding Children Who experience Domestic Abuse", "Designated Safeguarding Lead",
        ])
        #expect(try database.courses(level: .advanced).map(\.definition.title) == ["Designated Safeguarding Lead"])
    }

    @Test func importingTheSameCatalogueTwiceChangesNothing() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue(entries, by: "officer")
        let before = try database.snapshot()
        let summary = try database.importCatalogue(entries, by: "officer")
        #expect(summary == CatalogueImportSummary(added: [], updated: [], unchanged: entries.map(\.definition.title)))
        #expect(try database.snapshot() == before)
    }

    @Test func aChangedCourseIsUpdatedInPlaceAndAudited() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue(entries, by: "officer")
        var changed = entries
        changed[2].definition.capacity = 12
        let summary = try database.importCatalogue(changed, by: "officer")
        #expect(summary.updated == ["Designated Safeguarding Lead"])
        #expect(try database.count("course") == 3)
        #expect(try database.course(titled: "designated safeguarding lead").definition.capacity == 12)
        let audit = try database.auditLog(limit: 1)[0]
        #expect(audit.action == .courseUpdated)
        #expect(audit.before?.contains("\"capacity\":20") == true)
        #expect(audit.after?.contains("\"capacity\":12") == true)
    }

    @Test func aTitleDefinedTwiceIsRefusedAndNothingIsWritten() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let duplicate = entries + [entry(course("DESIGNATED Safeguarding Lead", level: .advanced), line: 50)]
        #expect(throws: InputError("the course 'DESIGNATED Safeguarding Lead' is already defined at Courses/test.yaml, line 30, field 'title'",
                                   at: InputLocation(file: "Courses/test.yaml", line: 50, field: "title"))) {
            try database.importCatalogue(duplicate, by: "officer")
        }
        #expect(try database.count("course") == 0)
        #expect(try database.count("auditEntry") == 0)
    }

    @Test func anUnknownPrerequisiteIsRefusedWithItsLineAndNothingIsWritten() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let broken = [entries[0], entry(course("Introduction to FGM", prerequisites: ["FGM Awarenes"]), line: 40)]
        #expect(throws: InputError("unknown prerequisite 'FGM Awarenes': no course has that title in the catalogue files or the database",
                                   at: InputLocation(file: "Courses/test.yaml", line: 47, field: "prerequisites"))) {
            try database.importCatalogue(broken, by: "officer")
        }
        #expect(try database.count("course") == 0)
    }

    @Test func aPrerequisiteMayNameACourseAlreadyInTheDatabase() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue([entries[0]], by: "officer")
        try database.importCatalogue([entries[1]], by: "officer")
        #expect(try database.course(titled: entries[1].definition.title).definition.prerequisites == ["Awareness of Domestic Abuse"])
    }

    @Test func prerequisitesInACircleAreRefusedAndNothingIsWritten() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let circle = [
            entry(course("Course A", prerequisites: ["Course B"]), line: 2),
            entry(course("Course B", prerequisites: ["Course A"]), line: 20),
        ]
        #expect(throws: InputError("prerequisites go round in a circle: Course A → Course B → Course A; no course on it could ever be booked",
                                   at: InputLocation(file: "Courses/test.yaml", line: 9, field: "prerequisites"))) {
            try database.importCatalogue(circle, by: "officer")
        }
        #expect(try database.count("course") == 0)
        #expect(try database.count("coursePrerequisite") == 0)
    }

    @Test func anInvalidDefinitionIsRefusedBeforeAnythingIsWritten() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let invalid = [entries[0], entry(course("Too small", capacity: 5, minimum: 8), line: 60)]
        #expect(throws: InputError("minimum numbers (8) cannot be more than the capacity (5)",
                                   at: InputLocation(file: "Courses/test.yaml", line: 60, field: "minimum"))) {
            try database.importCatalogue(invalid, by: "officer")
        }
        #expect(try database.count("course") == 0)
    }

    @Test func anUnknownTitleSuggestsNearOnes() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue(entries, by: "officer")
        let refusal = CatalogueRefusal.unknownCourse(title: "Domestic abuse",
                                                     near: ["Awareness of Domestic Abuse", "Safeguarding Children Who experience Domestic Abuse"])
        #expect(refusal.localizedDescription
                == "no course is titled 'Domestic abuse' (did you mean: Awareness of Domestic Abuse; Safeguarding Children Who experience Domestic Abuse?)")
        #expect(throws: refusal) {
            try database.course(titled: "Domestic abuse")
        }
    }
}
