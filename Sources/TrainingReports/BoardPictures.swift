import Foundation
import TrainingCore
import TrainingStore

/// One picture on the board's web page: a heading, a sentence reading the figures, the chart (or charts),
/// and the same figures as a table beneath, so the picture is never the only way to a number (WCAG 1.1.1).
public struct BoardPicture: Sendable {
    /// An id for the page's anchors and the charts' own ids.
    public var id: String
    public var heading: String
    /// One sentence worked out from the figures: what changed, and where most.
    public var reading: String
    public var charts: [SVGElement]
    /// The figures drawn, as a table; rows marked in words are also in `table.highlighted`.
    public var table: ReportTable
}

/// The board's pictures of a year, from the same figures the workbook is written from (`BoardFigures`):
/// attendance by sector against last year, five years at a glance, take-up by agency, and e-learning
/// licences by quarter with the run-out date.
public enum BoardPictures {
    /// The four pictures of the year, in the order the page shows them.
    public static func make(_ figures: BoardFigures) -> [BoardPicture] {
        [attendanceBySector(figures), fiveYears(figures.trends), takeUp(year: figures.year, lines: figures.now.takeUp),
         licences(figures)]
    }

    /// The words a description gives each series' fill, in order: "2024-25 hatched".
    static func fills(_ names: [String]) -> String {
        names.enumerated().map { "\($1) \(ChartParts.fillNames[$0 % ChartParts.fillNames.count])" }.joined(separator: ", ")
    }

    /// A change of a count as words: "rose by 12%", "fell by less than 1%"; nil when there was none before
    /// to compare with, or no change.
    static func percentChange(from before: Int, to now: Int) -> String? {
        guard before > 0, now != before else { return nil }
        let percent = wholePercent(Double(abs(now - before)) / Double(before))
        return "\(now > before ? "rose" : "fell") by \(percent == 0 ? "less than 1" : "\(percent)")%"
    }

    // MARK: Attendance by sector

    static func attendanceBySector(_ figures: BoardFigures) -> BoardPicture {
        let year = figures.year, last = year.previous
        let now = BoardSheets.attendanceBySector(figures.now.attendance), before = BoardSheets.attendanceBySector(figures.before.attendance)
        let sectors = BoardSheets.sectorOrder(Array(now.keys) + Array(before.keys))
        let chart = BarChart(.horizontal, categories: sectors,
                             series: [PlotSeries(name: last.description, values: sectors.map { Double(before[$0, default: 0]) }),
                                      PlotSeries(name: year.description, values: sectors.map { Double(now[$0, default: 0]) })],
                             valueAxis: "Learners attending")
        return BoardPicture(
            id: "attendance-by-sector", heading: "Attendance by sector",
            reading: attendanceReading(year: year, now: figures.now.attendance, before: figures.before.attendance),
            charts: [chart.svg(id: "attendance-by-sector", title: "Attendance by sector, \(last) and \(year)",
                               description: "Bars of the learners attending by sector, \(fills([last.description, year.description])), "
                                   + "each with its number written at its end. The same figures are in the table below.")],
            table: BoardSheets.sectorTable(period: year, current: figures.now.attendance, previous: figures.before.attendance))
    }

    /// "Attendance fell by 22% against 2024-25, most at Westvale Primary Schools Partnership."
    static func attendanceReading(year: FinancialYear, now: [AgencyAttendance], before: [AgencyAttendance]) -> String {
        let totalNow = now.reduce(0) { $0 + $1.attended }, totalBefore = before.reduce(0) { $0 + $1.attended }
        let last = year.previous
        guard totalBefore > 0 else {
            return totalNow == 0 ? "Nobody attended a session in \(last) or \(year)."
                : "\(wholeNumberText(totalNow)) attended in \(year), against none in \(last)."
        }
        guard let change = percentChange(from: totalBefore, to: totalNow) else {
            return "Attendance was the same as in \(last): \(wholeNumberText(totalNow))."
        }
        let agencies = BoardSheets.largestAttendanceChanges(now: now, before: before)
        let most = totalNow > totalBefore ? agencies.rise : agencies.fall
        return "Attendance \(change) against \(last)" + (most.map { ", most at \($0.agency)" } ?? "") + "."
    }

    // MARK: Five years

    static func fiveYears(_ trends: FiveYearTrends) -> BoardPicture {
        let table = BoardSheets.trendsHeadlineTable(trends)
        let years = trends.years.map(\.description)
        let drawn: [(BoardSheets.TrendMeasure, String, ValueStyle)] = [
            (.coursesHeld, "Courses held", .count), (.cancelledShare, "Courses cancelled", .share), (.attendance, "Learners attending", .count),
            (.learnersReached, "Learners reached", .count), (.eLearningCompletions, "Modules completed", .count),
            (.satisfiedShare, "Evaluations satisfied", .share),
        ]
        let charts = drawn.compactMap { measure, axis, style -> SVGElement? in
            guard let row = table.rows.first(where: { $0.first == .text(measure.rawValue) }) else { return nil }
            let cells = Array(row.dropFirst())
            let values = cells.map(plotted)
            let chart = LineChart(categories: years, series: [PlotSeries(name: measure.rawValue, values: values,
                                                                         labels: zip(cells, values).map { $1 == nil ? $0.displayText : nil })],
                                  valueAxis: axis, valueStyle: style, width: 520)
            return chart.svg(id: "five-years-\(measure)", title: "\(measure.rawValue), \(years.first ?? "") to \(years.last ?? "")",
                             description: "A line across the five years, each point with its figure written above it; a year with no "
                                 + "figure to draw has its reason written in its place. The same figures are in the table below.")
        }
        return BoardPicture(id: "five-years", heading: "Five years at a glance", reading: fiveYearReading(trends), charts: charts, table: table)
    }

    /// The value a chart draws for a table's cell: a count or a share; words ("no data") are not drawn.
    static func plotted(_ cell: ReportCell) -> Double? {
        switch cell {
        case .count(let count): return Double(count)
        case .percent(let share): return share
        default: return nil
        }
    }

    /// "From 2021-22 to 2025-26 attendance rose by 25% (1,200 to 1,500) and learners reached rose by 10% (900 to 990);
    /// % satisfied went from 88% to 91% (+3 pts)."
    static func fiveYearReading(_ trends: FiveYearTrends) -> String {
        let headlines = trends.headlines
        guard let firstIndex = trends.firstYearWithRecords, let first = headlines[safe: firstIndex].flatMap({ $0 }),
              let last = headlines.last.flatMap({ $0 }), let lastYear = trends.years.last else {
            return "No records are held for the five years to \(trends.years.last?.description ?? "this year")."
        }
        let firstYear = trends.years[firstIndex]
        guard firstYear != lastYear else { return "Records begin in \(lastYear), so there is no earlier year to set it beside." }
        func counted(_ name: String, _ before: Int, _ now: Int) -> String {
            if let change = percentChange(from: before, to: now) { return "\(name) \(change) (\(wholeNumberText(before)) to \(wholeNumberText(now)))" }
            return before == now ? "\(name) stayed at \(wholeNumberText(now))" : "\(name) rose from none to \(wholeNumberText(now))"
        }
        var sentence = "From \(firstYear) to \(lastYear) " + counted("attendance", first.attendance, last.attendance) + " and "
            + counted("learners reached", first.learnersReached, last.learnersReached)
        let satisfied = BoardSheets.TrendMeasure.satisfiedShare
        if case .percent(let before?) = satisfied.cell(first), case .percent(let now?) = satisfied.cell(last) {
            sentence += "; % satisfied went from \(wholePercent(before))% to \(wholePercent(now))% "
                + "(\(PercentagePoints.text(PercentagePoints.change(from: before, to: now))))"
        }
        return sentence + "."
    }

    // MARK: Take-up

    /// The finding written beside an agency with staff declared and nobody trained, in the table and on its bar.
    public static let noTakeUp = "No take-up: staff declared, nobody trained"

    static func takeUp(year: FinancialYear, lines: [TakeUpLine]) -> BoardPicture {
        // Highest take-up first; agencies without a declared workforce (no rate to draw) last, by name.
        let sorted = lines.sorted { a, b in
            switch (a.rate, b.rate) {
            case let (x?, y?): return x != y ? x > y : a.agencyName < b.agencyName
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.agencyName < b.agencyName
            }
        }
        let chart = BarChart(.horizontal, categories: sorted.map(\.agencyName),
                             series: [PlotSeries(name: "Take-up \(year)", values: sorted.map(\.rate),
                                                 labels: sorted.map { $0.hasStaffButNoTakeUp ? "0%: no take-up" : $0.rate == nil ? "no workforce declared" : nil })],
                             valueAxis: "Learners reached as a share of the declared workforce", valueStyle: .share)
        let table = ReportTable(
            heading: "Take-up, \(year)", columns: ["Agency", "Sector", "Workforce", "Learners reached", "Take-up", "Finding"],
            rows: sorted.map { line in
                [.text(line.agencyName), .text(line.sector.nameOrNotRecorded), line.workforce.map(ReportCell.count) ?? .text("not declared"),
                 .count(line.learnersReached), .percent(line.rate), line.hasStaffButNoTakeUp ? .text(noTakeUp) : .blank]
            },
            total: [.text("Total"), .blank, .count(sorted.reduce(0) { $0 + ($1.workforce ?? 0) }), .count(sorted.reduce(0) { $0 + $1.learnersReached }),
                    .blank, .blank],
            highlighted: Set(sorted.indices.filter { sorted[$0].hasStaffButNoTakeUp }))
        return BoardPicture(
            id: "take-up", heading: "Take-up by agency", reading: takeUpReading(year: year, sorted: sorted),
            charts: [chart.svg(id: "take-up", title: "Take-up by agency, \(year)",
                               description: "Bars of each agency's learners reached as a share of its declared workforce, highest first, each "
                                   + "with its percentage written at its end; an agency with staff declared and nobody trained is written "
                                   + "\"no take-up\". The same figures are in the table below.")],
            table: table)
    }

    /// "Take-up in 2025-26 was highest at Calderdale NHS (45%) and lowest at Hope Nursery (2%); 2 agencies with staff
    /// declared had no take-up: A, B."
    static func takeUpReading(year: FinancialYear, sorted: [TakeUpLine]) -> String {
        let rated = sorted.filter { $0.rate != nil && $0.learnersReached > 0 }
        let silent = sorted.filter(\.hasStaffButNoTakeUp).map(\.agencyName)
        guard sorted.contains(where: { $0.rate != nil }) else {
            return "No agency has declared its workforce for \(year), so take-up cannot be worked out."
        }
        func named(_ line: TakeUpLine) -> String { "\(line.agencyName) (\(line.rate.map { "\(wholePercent($0))%" } ?? "–"))" }
        var sentence = ""
        if let highest = rated.first {
            sentence = "Take-up in \(year) was highest at \(named(highest))"
            if let lowest = rated.last, rated.count > 1 { sentence += " and lowest at \(named(lowest))" }
            sentence += "; "
        } else {
            sentence = "Nobody was trained in \(year) at any agency with its workforce declared; "
        }
        switch silent.count {
        case 0: sentence += "every agency with staff declared trained someone"
        case 1: sentence += "one agency with staff declared had no take-up: \(silent[0])"
        default: sentence += "\(silent.count) agencies with staff declared had no take-up: \(silent.joined(separator: ", "))"
        }
        return sentence + "."
    }

    // MARK: E-learning licences

    static func licences(_ figures: BoardFigures) -> BoardPicture {
        let year = figures.year
        let now = figures.now.licences, before = figures.before.licences
        let quarters = before.quarters.map { ($0, before) } + now.quarters.map { ($0, now) }
        func counts(_ value: (LicenceCounts) -> Int) -> [Double?] {
            quarters.map { quarter, figures in Double(value(figures.byQuarter[quarter] ?? LicenceCounts())) }
        }
        let series = [PlotSeries(name: "Allocated", values: counts(\.allocated)), PlotSeries(name: "Started", values: counts(\.started)),
                      PlotSeries(name: "Completed", values: counts(\.completed))]
        let chart = BarChart(.vertical, categories: quarters.map { "\($0.0.year) Q\($0.0.number)" }, series: series, valueAxis: "Licences")
        let sheet = BoardSheets.eLearning(period: year, current: now, previous: before, pools: figures.words.pools, runOut: figures.words.runOut)
        let runOut = figures.licencesRunOut.map { "the live licence pools run out on \(longDate($0))" } ?? "the live licence pools do not run out"
        let reading = "In \(year) \(wholeNumberText(now.total.allocated)) licences were allocated, \(wholeNumberText(now.total.started)) "
            + "started and \(wholeNumberText(now.total.completed)) completed; at the rate of the last 90 days \(runOut)."
        return BoardPicture(
            id: "licences", heading: "E-learning licences by quarter", reading: reading,
            charts: [chart.svg(id: "licences", title: "E-learning licences by quarter, \(year.previous) and \(year)",
                               description: "Bars for each quarter of the two years: licences \(fills(series.map(\.name))), each with its "
                                   + "number written above it. The same figures are in the table below.")],
            table: sheet.tables[0])
    }

    /// A day written out for a sentence: "12 March 2027".
    static func longDate(_ date: LocalDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(date.day) \(months[safe: date.month - 1] ?? String(date.month)) \(date.year)"
    }
}
