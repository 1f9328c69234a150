import Testing
@testable import TrainingCore

@Suite("Nothing under five")
struct SmallGroupTests {
    @Test(arguments: [(0, true), (1, true), (4, true), (5, false), (6, false), (100, false)])
    func aGroupOfFewerThanFiveResponsesIsTooSmallToRead(responses: Int, tooSmall: Bool) {
        #expect(SmallGroup.isTooSmall(responses: responses) == tooSmall)
        #expect((SmallGroup.readable(0.8, responses: responses) == nil) == tooSmall)
    }

    @Test func theGroupIsMarkedTooSmallToRead() {
        #expect(SmallGroup.tooSmallToRead == "too small to read")
    }

    @Test func followUpsAreReadOnTheirOwnCount() throws {
        let evaluation = try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                               bestPart: nil, practiceChange: nil, improve: nil)
        let followUp = try FollowUpAnswers(used: .yes, example: nil, difference: 4, barriers: nil)
        let figures = ImpactFigures.compute(attended: 9, evaluations: Array(repeating: evaluation, count: 5),
                                            followUps: Array(repeating: followUp, count: 4))
        #expect(!figures.isTooSmall)          // 5 evaluations
        #expect(figures.followUpsTooSmall)    // 4 follow-ups
    }
}
