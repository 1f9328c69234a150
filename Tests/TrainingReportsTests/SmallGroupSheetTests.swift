import Foundation
import Testing
import TrainingCore
@testable import TrainingStore
@testable import TrainingReports

@Suite("Nothing under five on the board's sheets")
struct SmallGroupSheetTests {
    let year = FinancialYear(startYear: 2025)
    let tooSmall = ReportCell.text("too small to read")

    func headlines(responses: Int, satisfied: Double, aLot: Double) -> Headlines {
        Headlines(coursesHeld: 3, cancelledShare: 0, attendance: 20, learnersReached: 20, eLearningCompletions: 0, licencesAllocated: 0,
                  licencesStarted: 0, satisfiedShare: satisfied, knowledgeALotShare: aLot, responseRate: Double(responses) / 20,
                  responses: responses, chargesRaised: .zero)
    }

    func summaryRow(_ name: String, previous: Headlines, current: Headlines) -> [ReportCell] {
        let sheet = BoardSheets.summary(period: year, current: current, previous: previous, attendanceNow: [], attendanceBefore: [], takeUp: [])
        return sheet.tables[0].rows.first { $0.first == .text(name) }!
    }

    /// Last year 4 responses (3 satisfied: 75%), this year 5 (4 satisfied: 80%).
    @Test func theSummaryShowsNoShareOfFourResponsesAndNoChangeFromIt() {
        let previous = headlines(responses: 4, satisfied: 0.75, aLot: 0.5), current = headlines(responses: 5, satisfied: 0.8, aLot: 0.6)
        #expect(summaryRow("% satisfied (4 or 5 of 5)", previous: previous, current: current) == [.text("% satisfied (4 or 5 of 5)"), tooSmall, .percent(0.8), tooSmall])
        #expect(summaryRow("% whose knowledge improved a lot", previous: previous, current: current)[1...] == [tooSmall, .percent(0.6), tooSmall])
        // The response rate, 4 ÷ 20 and 5 ÷ 20, is always shown beside them.
        #expect(summaryRow("Evaluation response rate", previous: previous, current: current)[1...2] == [.percent(0.2), .percent(0.25)])
    }

    @Test func theSummaryShowsSharesOfFiveResponsesOrMoreAndTheirChange() {
        let row = summaryRow("% satisfied (4 or 5 of 5)", previous: headlines(responses: 5, satisfied: 0.6, aLot: 0.4),
                             current: headlines(responses: 10, satisfied: 0.8, aLot: 0.6))
        #expect(row[1] == .percent(0.6))
        #expect(row[2] == .percent(0.8))
        #expect(row[3] == .points(20))   // 60% to 80%: +20 pts
    }

    func tally(responses: Int, score: Int, followUps: Int) throws -> ImpactTally {
        var tally = ImpactTally(attended: 10)
        for _ in 0..<responses {
            tally.add(try EvaluationAnswers(satisfaction: score, knowledge: .aLot, confidenceBefore: 4, confidenceAfter: 8,
                                            bestPart: nil, practiceChange: nil, improve: nil))
        }
        for _ in 0..<followUps { tally.add(try FollowUpAnswers(used: .yes, example: nil, difference: 4, barriers: nil)) }
        return tally
    }

    /// Last year 4 responses all scoring 5; this year 5 responses all scoring 4, and 4 follow-ups.
    func impactSheet() throws -> ReportSheet {
        let current = ImpactTallies(overall: try tally(responses: 5, score: 4, followUps: 4), groups: [[:], [:]])
        let previous = ImpactTallies(overall: try tally(responses: 4, score: 5, followUps: 0), groups: [[:], [:]])
        let reports = ImpactReport.reports(period: year, by: [.level, .course], current: current, previous: previous,
                                           quotes: ImpactQuotes(bestParts: [], practiceChanges: [], examples: []))
        return BoardSheets.impact(period: year, byLevel: reports[0], byCourse: reports[1])
    }

    @Test func theDistributionOfFourResponsesIsTooSmallToReadAndOfFiveIsShown() throws {
        let distribution = try impactSheet().tables[2]
        #expect(distribution.rows.map { Array($0[1...]) } == [[tooSmall, .count(0)], [tooSmall, .count(0)], [tooSmall, .count(0)],
                                                              [tooSmall, .count(5)], [tooSmall, .count(0)]])
        #expect(distribution.total == [.text("Responses"), .count(4), .count(5)])   // counts of responses are shown
    }

    @Test func fourFollowUpsGiveNoUseInPracticeOrDifferenceButFiveResponsesGiveTheirFigures() throws {
        let all = try impactSheet().tables[0].total!
        #expect(all[2] == .count(5))                  // responses
        #expect(all[4] == .percent(1))                // % satisfied, of 5 responses
        #expect(all[11] == .count(4))                 // follow-ups are counted
        #expect(Array(all[13...]) == [tooSmall, tooSmall])
    }
}

@Suite("Nothing under five: quotes on the Impact sheet")
struct SmallGroupQuoteSheetTests {
    @Test func aQuoteFromASmallGroupIsMarkedTooSmallToReadInItsPlace() {
        let day = LocalDate(year: 2026, month: 3, day: 10)!
        let quotes = ImpactQuotes(bestParts: [Quote(courseTitle: "", sector: nil, text: "", submittedOn: day, groupResponses: 4),
                                              Quote(courseTitle: "CSE briefing", sector: .health, text: "The case studies", submittedOn: day, groupResponses: 5)],
                                  practiceChanges: [], examples: [])
        let empty = ImpactTallies(groups: [[:], [:]])
        let reports = ImpactReport.reports(period: FinancialYear(startYear: 2025), by: [.level, .course], current: empty, previous: empty, quotes: quotes)
        let table = BoardSheets.impact(period: FinancialYear(startYear: 2025), byLevel: reports[0], byCourse: reports[1]).tables[3]
        #expect(table.rows == [[.text("too small to read"), .blank, .blank, .blank],
                               [.text("CSE briefing"), .text("Health"), .text("The case studies"), .text("2026-03-10")]])
    }
}
