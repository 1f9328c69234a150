import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training {
    /// `training impact`: the four levels of evaluation.
    struct Impact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Satisfaction, learning, behaviour and results for a financial year, against the year before.",
            discussion: """
                Every percentage is of responses, with the response rate beside it; a figure drawn from fewer than \
                5 responses (evaluations, or follow-ups for use in practice and difference made) is marked too small \
                to read. Quotes show the course and sector, never a name, and only from a course with at least 5 \
                answers of their kind in the year.

                Examples:
                  training impact --year 2025-26
                  training impact --year 2025-26 --by sector
                """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "The financial year.", transform: FinancialYear.argument) var year: FinancialYear
        @Option(help: "Break down by course, level, agency or sector.") var by: String?
        @Option(help: "Quotes of each kind to show.") var quotes = 5

        func run() throws {
            let grouping = try by.map { try ImpactGrouping.parse($0, at: InputLocation(field: "--by")) }
            let report = try options.open().impact(period: year, by: grouping, quotes: quotes)
            let thisYear = report.period, lastYear = report.previousPeriod
            print(TextTable.render(
                header: ["", "Year", "Attended", "Responses (rate)", "Satisfied", "Knowledge a lot / a little / not at all",
                         "Confidence before → after (rose)", "Follow-ups (rate)", "Used yes / partly / no", "Difference (1-5)"],
                rows: ([report.overall] + report.groups).flatMap { group in
                    [Self.row(group.name, thisYear, group.figures), Self.row("", lastYear, group.previous)]
                }))
            for (heading, list) in [("Best part", report.bestParts), ("How practice will change", report.practiceChanges),
                                    ("Difference made (follow-up)", report.examples)] where !list.isEmpty {
                print("\n\(heading):")
                for quote in list {
                    print(quote.isTooSmall ? "  (\(SmallGroup.tooSmallToRead))" : "  “\(quote.text)” — \(quote.courseTitle), \(quote.sector.nameOrNotRecorded), \(quote.submittedOn)")
                }
            }
        }

        static func row(_ name: String, _ year: String, _ f: ImpactFigures) -> [String] {
            let rate = "\(f.responses) (\(percentText(f.responseRate)))"
            let tooSmall = SmallGroup.tooSmallToRead
            func one(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
            let reaction = f.isTooSmall ? [tooSmall, tooSmall, tooSmall] : [
                percentText(f.satisfiedShare), KnowledgeGain.allCases.map { percentText(f.knowledgeShare($0)) }.joined(separator: " / "),
                "\(one(f.meanConfidenceBefore)) → \(one(f.meanConfidenceAfter)) (\(percentText(f.confidenceRoseShare)))"]
            let behaviour = f.followUpsTooSmall ? [tooSmall, tooSmall] : [
                UsedInPractice.allCases.map { percentText(f.usedShare($0)) }.joined(separator: " / "), one(f.meanDifference)]
            return [name, year, String(f.attended), rate] + reaction + ["\(f.followUps) (\(percentText(f.followUpRate)))"] + behaviour
        }
    }
}
