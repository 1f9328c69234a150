import Testing
import TrainingCore

/// Take-up against each agency's declared workforce (DOMAIN.md, "Take-up"), without a database.
@Suite("Take-up")
struct TakeUpTests {
    let council = TakeUp.Agency(id: 1, name: "Calderdale Council", sector: .localAuthority, workforce: 1_400)
    let nursery = TakeUp.Agency(id: 2, name: "hope Nursery", sector: .earlyYears, workforce: 12)
    let trust = TakeUp.Agency(id: 3, name: "Beacon Trust", sector: .voluntaryAndCommunity, workforce: nil)

    @Test func takeUpIsLearnersReachedOverTheDeclaredWorkforce() throws {
        // 350 of a workforce of 1,400: a quarter.
        let line = try #require(TakeUp.lines(agencies: [council], reached: [1: 350]).first)
        #expect(line.learnersReached == 350 && line.rate == 0.25)
    }

    @Test func noDeclaredWorkforceHasNoRate() {
        #expect(TakeUp.lines(agencies: [trust], reached: [3: 9])[0].rate == nil)
        #expect(TakeUpLine(agencyName: "Nil Staff", sector: .other, workforce: 0, learnersReached: 2).rate == nil)
    }

    @Test func anAgencyWithStaffAndNobodyTrainedIsShownFlaggedFirst() {
        let lines = TakeUp.lines(agencies: [council, nursery, trust], reached: [1: 350, 3: 9])
        #expect(lines.map(\.agencyName) == ["hope Nursery", "Beacon Trust", "Calderdale Council"])
        #expect(lines.map(\.hasStaffButNoTakeUp) == [true, false, false])
        #expect(lines[0].learnersReached == 0 && lines[0].rate == 0)
    }

    @Test func anAgencyWithNoWorkforceAndNobodyTrainedIsNotFlagged() {
        #expect(TakeUp.lines(agencies: [trust], reached: [:]).map(\.hasStaffButNoTakeUp) == [false])
    }

    @Test func learnersWithNoAgencyRecordedAreALineOfTheirOwnWithNoSector() {
        let lines = TakeUp.lines(agencies: [council], reached: [1: 350, nil: 4])
        let unrecorded = lines.first { $0.agencyName == agencyNotRecorded }
        #expect(unrecorded == TakeUpLine(agencyName: agencyNotRecorded, sector: nil, workforce: nil, learnersReached: 4))
        #expect(unrecorded?.sector.nameOrNotRecorded == "Agency not recorded")
    }

    @Test func namesAreInOrderIgnoringCase() {
        let lines = TakeUp.lines(agencies: [nursery, council, trust], reached: [1: 1, 2: 1, 3: 1])
        #expect(lines.map(\.agencyName) == ["Beacon Trust", "Calderdale Council", "hope Nursery"])
    }
}
