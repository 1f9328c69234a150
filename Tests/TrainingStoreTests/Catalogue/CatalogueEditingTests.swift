import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

/// Adding one course, and retiring and reinstating a course, as the officer does from the web.
@Suite("Catalogue editing")
struct CatalogueEditingTests {
    @Test func aNewCourseIsAddedAndAudited() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let added = try database.addCourse(entry(course("Neglect")), by: "officer")
        #expect(added.definition == course("Neglect"))
        #expect(try database.auditLog(limit: 1)[0].action == .courseAdded)
    }

    @Test func addingATitleAlreadyHeldIsRefusedAndChangesNothing() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue([entry(course("Neglect"))], by: "officer")
        let before = try database.snapshot()
        #expect(throws: InputError("the catalogue already has a course titled 'Neglect'", at: entry(course("x")).location("title"))) {
            try database.addCourse(entry(course("neglect", capacity: 5)), by: "officer")
        }
        #expect(try database.snapshot() == before)
    }

    @Test func retiringAndReinstatingAreAudited() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue([entry(course("Neglect"))], by: "officer")
        try database.setCourseActive(title: "Neglect", active: false, by: "officer")
        #expect(try database.course(titled: "Neglect").definition.isActive == false)
        #expect(try database.courses(includeRetired: false).isEmpty)
        #expect(try database.auditLog(limit: 1)[0].action == .courseRetired)
        try database.setCourseActive(title: "Neglect", active: true, by: "officer")
        #expect(try database.course(titled: "Neglect").definition.isActive)
        #expect(try database.auditLog(limit: 1)[0].action == .courseReinstated)
    }

    @Test func retiringARetiredCourseIsRefused() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.importCatalogue([entry(course("Neglect"))], by: "officer")
        try database.setCourseActive(title: "Neglect", active: false, by: "officer")
        let refusal = CatalogueRefusal.alreadyRetired(title: "Neglect")
        #expect(refusal.localizedDescription == "'Neglect' is already retired")
        #expect(refusal.location == InputLocation(field: "course"))
        #expect(throws: refusal) {
            try database.setCourseActive(title: "Neglect", active: false, by: "officer")
        }
    }
}
