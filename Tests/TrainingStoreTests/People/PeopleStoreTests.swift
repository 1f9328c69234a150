import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Agencies and learners")
struct PeopleStoreTests {
    func databaseWithAgency() throws -> AppDatabase {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority, isStatutoryPartner: true), by: "officer")
        return database
    }

    @Test func anAgencyNameAlreadyUsedIsRefusedIgnoringCase() throws {
        let database = try databaseWithAgency()
        let before = try database.snapshot()
        #expect(throws: InputError("an agency named 'Calderdale Council' already exists", at: InputLocation(field: "name"))) {
            try database.addAgency(AgencyDetails(name: "calderdale council", sector: .health), by: "officer")
        }
        #expect(try database.snapshot() == before)
    }

    @Test func workforceIsDeclaredPerFinancialYearAndCorrectable() throws {
        let database = try databaseWithAgency()
        try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2024), headcount: 1400, by: "officer")
        try database.setWorkforce(agencyName: "calderdale council", year: FinancialYear(startYear: 2025), headcount: 1450, by: "officer")
        try database.setWorkforce(agencyName: "Calderdale Council", year: FinancialYear(startYear: 2025), headcount: 1460, by: "officer")
        let workforce = try database.agencies()[0].workforce
        #expect(workforce == [FinancialYear(startYear: 2024): 1400, FinancialYear(startYear: 2025): 1460])
    }

    @Test func workforceForAnUnknownAgencyIsRefused() throws {
        let database = try databaseWithAgency()
        #expect(throws: UnknownAgency(name: "Calderdale NHS", at: InputLocation(field: "agency"))) {
            try database.setWorkforce(agencyName: "Calderdale NHS", year: FinancialYear(startYear: 2025), headcount: 10, by: "officer")
        }
    }

    @Test func aLearnerEmailAlreadyTakenIsRefusedIgnoringCase() throws {
        let database = try databaseWithAgency()
        try database.addLearner(learner("Sam Patel", "sam.patel@calderdale.example"), by: "officer")
        let before = try database.snapshot()
        #expect(throws: InputError("the email SAM.PATEL@calderdale.example is already taken by Sam Patel", at: InputLocation(field: "email"))) {
            try database.addLearner(learner("Samir Patel", "SAM.PATEL@calderdale.example"), by: "officer")
        }
        #expect(try database.snapshot() == before)
    }

    @Test func aLearnerOfAnUnknownAgencyIsRefused() throws {
        let database = try databaseWithAgency()
        #expect(throws: UnknownAgency.self) {
            try database.addLearner(learner("Jo Bloggs", "jo@nowhere.example", agency: "Nowhere Trust"), by: "officer")
        }
        #expect(try database.count("learner") == 0)
    }

    func located(_ details: LearnerDetails, line: Int) -> LocatedLearner {
        LocatedLearner(details: details, location: InputLocation(file: "staff.csv", line: line))
    }

    @Test func importingTheSameStaffListTwiceChangesNothing() throws {
        let database = try databaseWithAgency()
        let list = [located(try learner("Sam Patel", "sam@c.example", role: "Social worker"), line: 2),
                    located(try learner("Jo Bloggs", "jo@c.example"), line: 3)]
        #expect(try database.importLearners(list, updatingExisting: false, by: "officer") == LearnerImportSummary(added: 2))
        let before = try database.snapshot()
        #expect(try database.importLearners(list, updatingExisting: false, by: "officer") == LearnerImportSummary(unchanged: 2))
        #expect(try database.snapshot() == before)
    }

    @Test func learnerImportProgressRisesEveryThousandLearnersToOne() throws {
        let database = try databaseWithAgency()
        let list = try (1...2_500).map { located(try learner("Learner \($0)", "learner\($0)@c.example"), line: $0 + 1) }
        let told = FractionsTold()
        #expect(try database.importLearners(list, updatingExisting: false, by: "officer", progress: told.record)
                == LearnerImportSummary(added: 2_500))
        #expect(told.values == [0.4, 0.8, 1])
    }

    @Test func aLaterLineOfAnImportWithAnUnknownAgencyWritesNothingAtAll() throws {
        let database = try databaseWithAgency()
        let list = [located(try learner("Sam Patel", "sam@c.example"), line: 2),
                    located(try learner("Jo Bloggs", "jo@c.example", agency: "Calderdale NHS"), line: 3)]
        let before = try database.snapshot()
        #expect(throws: UnknownAgency(name: "Calderdale NHS", at: InputLocation(file: "staff.csv", line: 3, field: "agency"))) {
            try database.importLearners(list, updatingExisting: false, by: "officer")
        }
        #expect(try database.snapshot() == before)
    }

    @Test func anEmailTwiceInOneFileIsRefusedAtTheSecondLine() throws {
        let database = try databaseWithAgency()
        let list = [located(try learner("Sam Patel", "sam@c.example"), line: 2),
                    located(try learner("Sam P", "SAM@c.example"), line: 5)]
        #expect(throws: InputError("the email SAM@c.example is already taken by the learner on line 2",
                                   at: InputLocation(file: "staff.csv", line: 5, field: "email"))) {
            try database.importLearners(list, updatingExisting: false, by: "officer")
        }
        #expect(try database.count("learner") == 0)
    }

    @Test func changedDetailsAreRefusedUnlessUpdatingIsAskedFor() throws {
        let database = try databaseWithAgency()
        try database.addAgency(AgencyDetails(name: "Calderdale NHS", sector: .health), by: "officer")
        try database.addLearner(learner("Sam Patel", "sam@c.example"), by: "officer")
        let moved = [located(try learner("Sam Patel", "sam@c.example", agency: "Calderdale NHS"), line: 2)]
        #expect(throws: LearnerImportRefusal.heldWithOtherDetails(email: "sam@c.example", takenBy: "Sam Patel",
                                                                  at: InputLocation(file: "staff.csv", line: 2, field: "email"))) {
            try database.importLearners(moved, updatingExisting: false, by: "officer")
        }
        #expect(try database.importLearners(moved, updatingExisting: true, by: "officer") == LearnerImportSummary(updated: 1))
        #expect(try database.learners(agencyName: "Calderdale NHS").map(\.learner.name) == ["Sam Patel"])
        #expect(try database.auditLog(limit: 1)[0].action == .learnerUpdated)
    }
}
