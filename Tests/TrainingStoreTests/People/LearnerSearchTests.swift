import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 22: the paged search a booker of a large agency finds staff with — by name, email, job role or team,
/// one agency's only, a page at a time with the number found — and the picked ids checked against the agency.
@Suite("Searching learners, a page at a time")
struct LearnerSearchTests {
    func partnership(nurses count: Int = 3) throws -> (AppDatabase, nhs: Int64, council: Int64) {
        try LearnerTeamTests.partnership(nurses: count)
    }

    func names(_ page: Paged<LearnerListing>) -> [String] { page.items.map(\.learner.name) }

    @Test("each word is found in the name, email, job role or team, ignoring case",
          arguments: [("zara", ["Zara Quint"]), ("ZQ@", ["Zara Quint"]), ("midwife", ["Zara Quint"]), ("maternity", ["Zara Quint"]),
                      ("quint MATERNITY", ["Zara Quint"]), ("ward", ["Nurse 02"]), ("nurse community", ["Nurse 01", "Nurse 03"]),
                      ("  ", ["Nurse 01", "Nurse 02", "Nurse 03", "Zara Quint"]), ("outreach", []), ("kim", [])])
    func aSearchOfOneAgency(text: String, found: [String]) throws {
        let (database, nhs, _) = try partnership()
        let page = try database.learners(matching: LearnerSearch(agencyId: nhs, text: text), page: PageRequest())
        #expect(names(page) == found)
        #expect(page.page.total == found.count)
    }

    @Test func likesOwnCharactersAreSearchedForAsThemselves() throws {
        let (database, nhs, _) = try partnership()
        for text in ["%", "_", "\\", "Nurse_0", "100%"] {
            #expect(try database.learners(matching: LearnerSearch(agencyId: nhs, text: text), page: PageRequest()).items.isEmpty, "\(text)")
        }
    }

    @Test func theStaffListIsPagedByNameWithItsCount() throws {
        let (database, nhs, _) = try partnership(nurses: 60)
        let search = LearnerSearch(agencyId: nhs, text: nil)
        let first = try database.learners(matching: search, page: PageRequest(number: 1))
        #expect(first.page.total == 61 && first.items.count == 25 && first.page.showing == "Showing 1–25 of 61")
        #expect(names(first).first == "Nurse 01" && names(first).last == "Nurse 25")
        let third = try database.learners(matching: search, page: PageRequest(number: 3))
        #expect(names(third) == (51...60).map { String(format: "Nurse %02d", $0) } + ["Zara Quint"])
        // Beyond the end: the last page.
        let beyond = try database.learners(matching: search, page: PageRequest(number: 40))
        #expect(beyond.page.number == 3 && names(beyond) == names(third))
        let all = try (1...3).flatMap { try names(database.learners(matching: search, page: PageRequest(number: $0))) }
        #expect(try all == database.learners(agencyName: "Calderdale NHS").map(\.learner.name))
    }

    @Test func anonymisedLearnersAreLeftOutUnlessAsked() throws {
        let (database, nhs, _) = try partnership(nurses: 1)
        try database.erase(email: "nurse01@nhs.example", reason: "SAR-2", by: "officer")
        #expect(try names(database.learners(matching: LearnerSearch(agencyId: nhs, text: nil), page: PageRequest())) == ["Zara Quint"])
        let everyone = try database.learners(matching: LearnerSearch(agencyId: nil, text: nil, includesAnonymised: true), page: PageRequest())
        #expect(everyone.page.total == 3)
    }

    @Test func thePickedIdsAreOnlyEverTheAgencysStaff() throws {
        let (database, nhs, council) = try partnership(nurses: 2)
        let kim = try database.learnerId(email: "kim@council.example"), zara = try database.learnerId(email: "zq@nhs.example")
        let nurse = try database.learnerId(email: "nurse02@nhs.example")
        #expect(try database.staff(ids: [kim, zara, nurse, 999_999, zara], agencyId: nhs).map(\.learner.name) == ["Nurse 02", "Zara Quint"])
        #expect(try database.staff(ids: [kim, zara], agencyId: council).map(\.learner.name) == ["Kim Lee"])
        #expect(try database.staff(ids: [], agencyId: nhs).isEmpty)
        try database.erase(email: "nurse02@nhs.example", reason: "SAR-3", by: "officer")
        #expect(try database.staff(ids: [nurse], agencyId: nhs).isEmpty)
    }
}
