import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Many calls in one transaction")
struct OneTransactionTests {
    @Test func callsMadeInsideCommitTogetherAndSeeEachOthersWrites() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase.open(path: folder.path("one.sqlite"), create: true, now: fixedNow)
        let outsider = try AppDatabase.open(path: folder.path("one.sqlite"), now: fixedNow)
        try database.inOneTransaction { joined in
            _ = try joined.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
            _ = try joined.importLearners([LocatedLearner(details: try learner("Ann Lee", "ann@calderdale.example"), location: InputLocation(line: 2))],
                                          updatingExisting: false, by: "officer")
            #expect(try joined.learners(agencyName: "Calderdale Council").count == 1)
            #expect(try outsider.agencies().isEmpty, "another connection sees nothing before the commit")
        }
        #expect(try outsider.learners(agencyName: "Calderdale Council").count == 1)
    }

    @Test func aRefusedCallInsideChangesNothingWhileTheOthersStand() throws {
        let folder = TemporaryFolder()
        let database = try AppDatabase.open(path: folder.path("one.sqlite"), create: true, now: fixedNow)
        try database.inOneTransaction { joined in
            _ = try joined.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
            let people = [try learner("Ann Lee", "ann@calderdale.example"), try learner("Ann Again", "ann@calderdale.example")]
            #expect(throws: InputError.self) {
                try joined.importLearners(people.enumerated().map { LocatedLearner(details: $1, location: InputLocation(line: $0 + 2)) },
                                          updatingExisting: false, by: "officer")
            }
        }
        #expect(try database.agencies().map(\.agency.name) == ["Calderdale Council"])
        #expect(try database.count("learner") == 0)
    }

    @Test func aHandleKeptAfterTheTransactionIsRefused() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let kept = try database.inOneTransaction { $0 }
        #expect(throws: StoreError.transactionEnded) {
            try kept.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
        }
    }
}
