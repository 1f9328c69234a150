import Foundation
import TrainingCore
import TrainingStore

extension BoardSheets {
    /// What a year before the records begin shows in place of each figure.
    public static let noData = "no data"

    /// The headline figures the Trends sheet and the board's web page follow over five years, by the same
    /// names as on the Summary sheet.
    public enum TrendMeasure: String, CaseIterable, Sendable {
        case coursesHeld = "Courses held"
        case cancelledShare = "% of courses cancelled"
        case attendance = "Total attendance"
        case learnersReached = "Learners reached (attended or completed e-learning)"
        case eLearningCompletions = "E-learning completions"
        case satisfiedShare = "% satisfied (4 or 5 of 5)"
        case responses = "Evaluations returned"

        /// The measure's cell for a year: nil headlines (a year before the records begin) show "no data", and a
        /// % satisfied from fewer than five evaluations "too small to read" (`SmallGroup`).
        public func cell(_ headlines: Headlines?) -> ReportCell {
            guard let headlines else { return .text(BoardSheets.noData) }
            switch self {
            case .coursesHeld: return .count(headlines.coursesHeld)
            case .cancelledShare: return .percent(headlines.cancelledShare)
            case .attendance: return .count(headlines.attendance)
            case .learnersReached: return .count(headlines.learnersReached)
            case .eLearningCompletions: return .count(headlines.eLearningCompletions)
            case .satisfiedShare:
                return SmallGroup.readable(ReportCell.percent(headlines.satisfiedShare), responses: headlines.responses)
                    ?? .text(SmallGroup.tooSmallToRead)
            case .responses: return .count(headlines.responses)
            }
        }
    }

    /// "Headline figures, five years": a row a measure, a column a year, oldest first.
    public static func trendsHeadlineTable(_ trends: FiveYearTrends) -> ReportTable {
        let headlines = trends.headlines
        return ReportTable(heading: "Headline figures, \(trends.years.first?.description ?? "") to \(trends.years.last?.description ?? "")",
                           columns: [""] + trends.years.map(\.description),
                           rows: TrendMeasure.allCases.map { measure in [.text(measure.rawValue)] + headlines.map(measure.cell) })
    }

    /// "Attendance by sector, five years": a row a sector, a column a year, and the TOTAL, which is each year's
    /// total attendance.
    public static func trendsSectorTable(_ trends: FiveYearTrends) -> ReportTable {
        let sectors = trends.attendanceBySector
        func cell(_ count: Int?) -> ReportCell { count.map(ReportCell.count) ?? .text(noData) }
        return ReportTable(heading: "Attendance by sector, five years", columns: ["Sector"] + trends.years.map(\.description),
                           rows: sectors.map { [.text($0.sector)] + $0.attended.map(cell) },
                           total: [.text("TOTAL")] + trends.years.indices.map { year in
                               cell(trends.hasRecords(year) ? sectors.reduce(0) { $0 + ($1.attended[safe: year].flatMap { $0 } ?? 0) } : nil)
                           })
    }

    /// "Trends": the headline figures of the year and the four before it side by side, attendance by sector
    /// over the five years, and a line chart of each across the years holding records (a year before the
    /// records begin shows "no data" and is left off the charts, never drawn as zero).
    public static func trends(_ trends: FiveYearTrends) -> ReportSheet {
        let headline = trendsHeadlineTable(trends), sectors = trendsSectorTable(trends)
        var notes = ["The year and the four before it, each year's figures as its own workbook gives them. A % satisfied drawn from "
                     + "fewer than \(SmallGroup.minimumResponses) evaluations is \(SmallGroup.tooSmallToRead)."]
        var charts: [ReportChart] = []
        if let first = trends.firstYearWithRecords {
            if first > 0 { notes.append("No records are held before \(trends.years[first]): the years before it show \(noData).") }
            let columns = (first + 1)...trends.years.count
            let span = "\(trends.years[first]) to \(trends.years[trends.years.count - 1])"
            let counted: [TrendMeasure] = [.attendance, .learnersReached, .eLearningCompletions]
            charts = [
                ReportChart(kind: .line, title: "Attendance, learners reached and e-learning completions, \(span)", table: 0,
                            seriesRows: counted.compactMap { TrendMeasure.allCases.firstIndex(of: $0) }, across: columns, valueAxis: "Learners"),
                ReportChart(kind: .line, title: "Attendance by sector, \(span)", table: 1, seriesRows: Array(sectors.rows.indices),
                            across: columns, valueAxis: "Learners attending"),
            ]
        } else {
            notes.append("No records are held for these five years.")
        }
        return ReportSheet(name: "Trends", title: "Five years at a glance", notes: notes, tables: [headline, sectors], charts: charts)
    }
}
