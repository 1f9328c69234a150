import Foundation
import Testing
import TrainingCore
@testable import TrainingStore

@Suite("Nothing under five: quotes")
struct SmallGroupQuoteTests {
    /// One course held in 2025-26, `answered` of its 6 learners answering with a best part, and as many following up
    /// with an example.
    func programme(answered: Int) throws -> Programme {
        let programme = try Programme(clock: TestClock("2025-11-01 09:00"))
        try programme.deliveredSession(on: "2025-11-17", learners: 6, tag: "q")
        let tokens = try programme.database.issueDueInvitations(by: "o").filter { $0.kind == .evaluation }.map(programme.token)
        for (index, token) in tokens.prefix(answered).enumerated() {
            try programme.database.submitEvaluation(token: token, answers: programme.answer(5, .aLot, best: "Best part \(index + 1)"))
        }
        return programme
    }

    @Test func aCourseWithFourAnswersGivesNoQuote() throws {
        let report = try programme(answered: 4).database.impact(period: FinancialYear(startYear: 2025))
        #expect(report.overall.figures.responses == 4)
        #expect(report.bestParts.count == 4)
        #expect(report.bestParts.allSatisfy { $0.isTooSmall && $0.text.isEmpty && $0.courseTitle.isEmpty && $0.sector == nil })
    }

    @Test func aCourseWithFiveAnswersIsQuoted() throws {
        let report = try programme(answered: 5).database.impact(period: FinancialYear(startYear: 2025))
        #expect(report.bestParts.map(\.text).sorted() == (1...5).map { "Best part \($0)" })
        #expect(report.bestParts.allSatisfy { !$0.isTooSmall && $0.courseTitle == Programme.halfDay })
    }
}
