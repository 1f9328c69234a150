import Foundation
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore

/// Issue 22: a learner's optional team (migration 16-learner-team): kept, imported, audited only when there is
/// one, shown in a subject access record and erased with the person.
@Suite("Learners' teams")
struct LearnerTeamTests {
    /// Two agencies: Calderdale NHS with `count` nurses ("Nurse 01" ..., in teams in turn) and Zara Quint, a
    /// midwife of the maternity team; Calderdale Council with Kim Lee, also of a maternity team.
    static func partnership(nurses count: Int = 3) throws -> (AppDatabase, nhs: Int64, council: Int64) {
        let database = try AppDatabase.inMemory(now: fixedNow)
        let nhs = try database.addAgency(AgencyDetails(name: "Calderdale NHS", sector: .health), by: "officer").id!
        let council = try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer").id!
        var staff = try stride(from: 1, through: count, by: 1).map { number in
            try LearnerDetails(name: String(format: "Nurse %02d", number), email: EmailAddress(String(format: "nurse%02d@nhs.example", number)),
                               agencyName: "Calderdale NHS", jobRole: "Staff nurse", team: number % 2 == 0 ? "Ward 7" : "Community")
        }
        staff.append(try LearnerDetails(name: "Zara Quint", email: EmailAddress("zq@nhs.example"), agencyName: "Calderdale NHS",
                                        jobRole: "Midwife", team: "Maternity"))
        staff.append(try LearnerDetails(name: "Kim Lee", email: EmailAddress("kim@council.example"), agencyName: "Calderdale Council",
                                        jobRole: "Social worker", team: "Maternity outreach"))
        try database.importLearners(staff.enumerated().map { LocatedLearner(details: $1, location: InputLocation(file: "staff.csv", line: $0 + 2)) },
                                    updatingExisting: false, by: "officer")
        return (database, nhs, council)
    }

    @Test func aTeamIsKeptReadBackAndAudited() throws {
        let (database, _, _) = try Self.partnership(nurses: 0)
        let zara = try database.learners(agencyName: "Calderdale NHS")[0].learner
        #expect(zara.team == "Maternity")
        let after = try database.writer.read { try String.fetchOne($0, sql: "SELECT after FROM auditEntry WHERE action = 'learner added' ORDER BY id LIMIT 1") }
        #expect(after?.contains(#""team":"Maternity""#) == true)
    }

    @Test func aLearnerWithoutATeamIsAuditedAsBefore() throws {
        let database = try AppDatabase.inMemory(now: fixedNow)
        try database.addAgency(AgencyDetails(name: "Calderdale Council", sector: .localAuthority), by: "officer")
        try database.addLearner(learner("Sam Patel", "sam@council.example"), by: "officer")
        let after = try database.writer.read { try String.fetchOne($0, sql: "SELECT after FROM auditEntry WHERE action = 'learner added'") }
        #expect(after?.contains("team") == false)
    }

    @Test func importingATeamChangesOnlyWithUpdateAndIsAudited() throws {
        let (database, _, _) = try Self.partnership(nurses: 0)
        let moved = LocatedLearner(details: try LearnerDetails(name: "Zara Quint", email: EmailAddress("zq@nhs.example"), agencyName: "Calderdale NHS",
                                                               jobRole: "Midwife", team: "Birth centre"),
                                   location: InputLocation(file: "staff.csv", line: 2))
        #expect(throws: LearnerImportRefusal.self) { try database.importLearners([moved], updatingExisting: false, by: "officer") }
        #expect(try database.importLearners([moved], updatingExisting: true, by: "officer").updated == 1)
        #expect(try database.learnerOverview(email: "zq@nhs.example").learner.team == "Birth centre")
        #expect(try database.importLearners([moved], updatingExisting: false, by: "officer").unchanged == 1)
    }

    @Test func erasureRemovesTheTeamWithTheNameAndEmail() throws {
        let (database, _, _) = try Self.partnership(nurses: 0)
        try database.erase(email: "zq@nhs.example", reason: "SAR-1", by: "officer")
        let erased = try database.learners(agencyName: "Calderdale NHS")[0].learner
        #expect(erased.team == nil && erased.jobRole == nil && erased.email == nil)
        let audit = try database.writer.read { try String.fetchAll($0, sql: "SELECT COALESCE(before, '') || COALESCE(after, '') FROM auditEntry") }
        #expect(!audit.joined().contains("Maternity\""))
    }

    @Test func subjectAccessShowsTheTeam() throws {
        let (database, _, _) = try Self.partnership(nurses: 0)
        let details = try database.subjectAccess(email: "zq@nhs.example").sections[0]
        let team = try #require(details.columns.firstIndex(of: "Team"))
        #expect(details.columns[team - 1] == "Job role")
        #expect(details.rows[0][team] == .text("Maternity"))
    }
}
