import Testing
@testable import TrainingCore

@Suite("Evaluation scoring")
struct EvaluationScoringTests {
    func answer(_ satisfaction: Int, _ knowledge: KnowledgeGain, before: Int? = nil, after: Int? = nil) -> EvaluationAnswers {
        try! EvaluationAnswers(satisfaction: satisfaction, knowledge: knowledge, confidenceBefore: before, confidenceAfter: after,
                               bestPart: nil, practiceChange: nil, improve: nil)
    }

    /// 179 attended, 100 answered: 94 gave 4 or 5 (50 fives, 44 fours, 6 threes); 86 learned a lot, 14 a little.
    @Test func theBoardsHeadlineFiguresFromAHandWorkedSet() {
        let answers = (0..<50).map { _ in answer(5, .aLot) } + (0..<36).map { _ in answer(4, .aLot) }
            + (0..<8).map { _ in answer(4, .aLittle) } + (0..<6).map { _ in answer(3, .aLittle) }
        let figures = ImpactFigures.compute(attended: 179, evaluations: answers, followUps: [])
        #expect(figures.responses == 100)
        #expect(figures.satisfied == 94)
        #expect(percentText(figures.satisfiedShare) == "94%")
        #expect(percentText(figures.knowledgeShare(.aLot)) == "86%")
        #expect(percentText(figures.knowledgeShare(.aLittle)) == "14%")
        #expect(percentText(figures.knowledgeShare(.notAtAll)) == "0%")
        #expect(percentText(figures.responseRate) == "56%")  // 100 ÷ 179 = 55.9%
        #expect(figures.satisfactionDistribution == [0, 0, 6, 44, 50])
        #expect(!figures.isTooSmall)
    }

    @Test func confidenceMeansShiftAndTheShareWhoseConfidenceRose() {
        // Before → after: 4→8, 6→6, 5→7, and one answer without scores, which is left out.
        let answers = [answer(5, .aLot, before: 4, after: 8), answer(4, .aLittle, before: 6, after: 6),
                       answer(4, .aLot, before: 5, after: 7), answer(3, .notAtAll)]
        let figures = ImpactFigures.compute(attended: 10, evaluations: answers, followUps: [])
        #expect(figures.meanConfidenceBefore == 5.0)        // (4 + 6 + 5) ÷ 3
        #expect(figures.meanConfidenceAfter == 7.0)         // (8 + 6 + 7) ÷ 3
        #expect(figures.meanConfidenceShift == 2.0)         // (4 + 0 + 2) ÷ 3
        #expect(figures.confidenceRoseShare == 2.0 / 3.0)
        #expect(figures.isTooSmall)                         // 4 responses
    }

    @Test func theTallyOfTwoGroupsGivesTheFiguresOfAllTheirAnswersTogether() throws {
        // Group A: 6 attended, answers 5 (4→8) and 3 (6→5), one follow-up used (difference 4).
        // Group B: 4 attended, answers 4 (5→7) and 2 (no scores), one follow-up not used.
        let a = [answer(5, .aLot, before: 4, after: 8), answer(3, .aLittle, before: 6, after: 5)]
        let b = [answer(4, .aLot, before: 5, after: 7), answer(2, .notAtAll)]
        let aFollowUps = [try FollowUpAnswers(used: .yes, example: nil, difference: 4, barriers: nil)]
        let bFollowUps = [try FollowUpAnswers(used: .no, example: nil, difference: nil, barriers: nil)]
        var first = ImpactTally(attended: 6), second = ImpactTally(attended: 4)
        a.forEach { first.add($0) }
        aFollowUps.forEach { first.add($0) }
        b.forEach { second.add($0) }
        bFollowUps.forEach { second.add($0) }
        let together = ImpactFigures(first + second)
        #expect(together == ImpactFigures.compute(attended: 10, evaluations: a + b, followUps: aFollowUps + bFollowUps))
        #expect(together.satisfied == 2 && together.responses == 4 && together.responseRate == 0.4)
        #expect(together.meanConfidenceShift == 5.0 / 3.0)    // (4 − 1 + 2) ÷ 3
        #expect(together.confidenceRoseShare == 2.0 / 3.0)
        #expect(together.usedShare(.yes) == 0.5 && together.meanDifference == 4.0)
    }

    @Test func anEmptyTallyHasNoShares() {
        let figures = ImpactFigures(ImpactTally())
        #expect(figures.responseRate == nil && figures.satisfiedShare == nil && figures.meanConfidenceBefore == nil)
        #expect(figures.knowledge.isEmpty && figures.used.isEmpty && figures.satisfactionDistribution == [0, 0, 0, 0, 0])
    }

    @Test func followUpsGiveBehaviourAndResults() throws {
        let pairs: [(UsedInPractice, Int?)] = [(.yes, 4), (.yes, 5), (.partly, 3), (.no, nil)]
        let followUps = try pairs.map {
            try FollowUpAnswers(used: $0.0, example: nil, difference: $0.1, barriers: nil)
        }
        let figures = ImpactFigures.compute(attended: 8, evaluations: [], followUps: followUps)
        #expect(figures.followUpRate == 0.5)
        #expect(figures.usedShare(.yes) == 0.5)
        #expect(figures.usedShare(.partly) == 0.25)
        #expect(figures.meanDifference == 4.0)              // (4 + 5 + 3) ÷ 3
        #expect(figures.responseRate == 0)
        #expect(figures.satisfiedShare == nil)              // no responses: nothing to read
    }

    @Test func answersOutOfRangeAreRefusedNamingTheField() {
        #expect(throws: InputError("satisfaction is 1 to 5, not 6", at: InputLocation(field: "satisfaction"))) {
            try EvaluationAnswers(satisfaction: 6, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                  bestPart: nil, practiceChange: nil, improve: nil)
        }
        #expect(throws: InputError("confidence is 1 to 10, not 0", at: InputLocation(field: "confidence_before"))) {
            try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: 0, confidenceAfter: 5,
                                  bestPart: nil, practiceChange: nil, improve: nil)
        }
    }

    @Test func freeTextIsKeptExactlyAsWrittenUpToFourThousandCharacters() throws {
        let written = "Très utile — 子どもの安全 👶🏽\nSecond line, with \"quotes\" and <b>tags</b>"
        let kept = try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                         bestPart: written, practiceChange: String(repeating: "x", count: 4000), improve: "  ")
        #expect(kept.bestPart == written)
        #expect(kept.improve == nil)
        #expect(throws: InputError("the answer is 4001 characters long; the most kept is 4000", at: InputLocation(field: "improve"))) {
            try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                  bestPart: nil, practiceChange: nil, improve: String(repeating: "é", count: 4001))
        }
    }

    @Test func knowledgeIsReadAsPeopleWriteIt() throws {
        #expect(try KnowledgeGain.parse("a lot") == .aLot)
        #expect(try KnowledgeGain.parse("Not at all") == .notAtAll)
        #expect(try KnowledgeGain.parse("a-little") == .aLittle)
    }
}
