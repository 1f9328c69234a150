import Foundation
import TrainingCore
import TrainingStore
import XLSX

/// The board's annual workbook: nine sheets comparing a financial year with the one before, and the
/// Trends sheet setting it beside the four years before it.
public enum BoardWorkbook {
    /// The sheets of a year's workbook, in the order the board reads them, from the figures in the database.
    public static func sheets(for year: FinancialYear, from database: some StoreReading) throws -> [ReportSheet] {
        sheets(of: try BoardFigures.read(year, from: database))
    }

    /// The sheets of a year's workbook from its figures, read once (`BoardFigures`).
    public static func sheets(of figures: BoardFigures) -> [ReportSheet] {
        var sheets = sheets(period: figures.year, now: figures.now, before: figures.before, words: figures.words)
        sheets.insert(BoardSheets.trends(figures.trends), at: 1)
        return sheets
    }

    /// The sheets for a quarter (the quarterly return takes four of them), against the same quarter a year
    /// earlier. The period's figures and the year before's are read at the same time, each on one
    /// consistent view of the database (in turn through a door's view).
    public static func sheets(for quarter: Quarter, from database: some StoreReading) throws -> [ReportSheet] {
        let (now, (before, words)) = try bothAtOnce(from: database,
            { try PeriodFigures.read(quarter, from: database) },
            { try bothAtOnce(from: database, { try PeriodFigures.read(quarter.yearEarlier, from: database) },
                             { try WordsAndPools.read(quarter, from: database) }) })
        return sheets(period: quarter, now: now, before: before, words: words)
    }

    /// The sheets comparing a period with the same span a year earlier.
    static func sheets(period year: some ReportingPeriod, now: PeriodFigures, before: PeriodFigures, words: WordsAndPools) -> [ReportSheet] {
        let impacts = ImpactReport.reports(period: year, by: PeriodFigures.impactGroupings, current: now.impact, previous: before.impact,
                                           quotes: words.quotes)
        let impactByLevel = impacts[0], impactByCourse = impacts[1]
        return [
            BoardSheets.summary(period: year, current: Headlines(now), previous: Headlines(before),
                                attendanceNow: now.attendance, attendanceBefore: before.attendance, takeUp: now.takeUp),
            BoardSheets.courses(period: year, current: now.courses, previous: before.courses),
            BoardSheets.attendanceByAgency(period: year, current: now.attendance, previous: before.attendance),
            BoardSheets.coursesByLevel(period: year, deliveries: now.deliveries),
            BoardSheets.eLearning(period: year, current: now.licences, previous: before.licences, pools: words.pools, runOut: words.runOut),
            BoardSheets.takeUp(period: year, current: now.takeUp, previous: before.takeUp),
            BoardSheets.charges(period: year, lines: now.charges),
            BoardSheets.impact(period: year, byLevel: impactByLevel, byCourse: impactByCourse),
        ]
    }

    /// One period's figures for the board, all read on one consistent view of the database.
    struct PeriodFigures: Sendable {
        static let impactGroupings: [ImpactGrouping] = [.level, .course]

        var courses: CourseFigures
        var attendance: [AgencyAttendance]
        var licences: LicenceFigures
        var takeUp: [TakeUpLine]
        /// Whether `takeUp` counts the learners in date with the foundation course (`FoundationCompliance`).
        var complianceMeasured: Bool
        var learnersReached: Int
        var charges: [AgencyCharges]
        var impact: ImpactTallies
        /// Shown for the reported period alone; read for the year before too, as it costs a few milliseconds.
        var deliveries: [CourseDelivery]

        /// Whether the period holds any record the board's figures count: a session held or cancelled, an
        /// attendance, a licence, a learner reached, an evaluation or a charge. A year before the records
        /// begin holds none, and the Trends sheet shows it as no data rather than as zeros.
        var holdsAnyRecord: Bool {
            let licences = licences.total
            return courses.total.held + courses.total.cancelled > 0 || attendance.contains { $0.attended > 0 } || learnersReached > 0
                || licences.allocated + licences.started + licences.completed + licences.reclaimed > 0 || impact.overall.attended > 0
                || charges.contains { $0.lateCancellations + $0.nonAttendances > 0 }
        }

        /// The period's figures; compliance is measured unless told not to (a year the Trends sheet alone shows).
        static func read(_ period: some ReportingPeriod, from database: some StoreReading, measuringCompliance: Bool = true) throws -> PeriodFigures {
            try database.inOneRead { view in
                let takeUp = try view.takeUpAndReach(period: period, measuringCompliance: measuringCompliance)
                return PeriodFigures(
                    courses: try view.courseFigures(period: period), attendance: try view.attendanceByAgency(period: period),
                    licences: try view.licenceFigures(period: period), takeUp: takeUp.lines, complianceMeasured: measuringCompliance,
                    learnersReached: takeUp.learnersReached,
                    charges: try view.chargesByAgency(period: period), impact: try view.impactTallies(period: period, by: impactGroupings),
                    deliveries: try view.courseDeliveries(period: period))
            }
        }
    }

    /// The learners' words quoted for the period, and the licence pools with when they run out.
    struct WordsAndPools: Sendable {
        var quotes: ImpactQuotes
        var pools: PoolStatus
        var runOut: LocalDate?

        static func read(_ period: some ReportingPeriod, from database: some StoreReading) throws -> WordsAndPools {
            try database.inOneRead { view in
                WordsAndPools(quotes: try view.impactQuotes(period: period), pools: try view.licenceStatus().total,
                              runOut: try view.licenceRunOut())
            }
        }
    }

    /// Writes the annual workbook `board-YYYY-YY.xlsx` into `folder` and returns its path. `progress`, if
    /// given, is told the fraction written as each sheet is finished, and 1 once the file is complete.
    @discardableResult
    public static func write(year: FinancialYear, from database: some StoreReading, into folder: String,
                             progress: ((Double) -> Void)? = nil) throws -> String {
        try write(period: year, sheets: try sheets(for: year, from: database), name: "board-\(year)", from: database, into: folder,
                  progress: progress)
    }

    /// The sheets of the quarterly return.
    public static let quarterlySheets = ["Summary", "Courses", "E-learning", "Take-up"]

    /// Writes the quarterly return `quarter-YYYY-YY-Qn.xlsx` — the Summary, Courses, E-learning and Take-up
    /// sheets for one quarter, against the same quarter a year earlier — and returns its path. `progress`, if
    /// given, is told the fraction written as each sheet is finished, and 1 once the file is complete.
    @discardableResult
    public static func writeQuarterly(quarter: Quarter, from database: some StoreReading, into folder: String,
                                      progress: ((Double) -> Void)? = nil) throws -> String {
        let sheets = try sheets(for: quarter, from: database).filter { quarterlySheets.contains($0.name) }
        return try write(period: quarter, sheets: sheets, name: "quarter-\(quarter)", from: database, into: folder, progress: progress)
    }

    /// Writes sheets as `name.xlsx`, dated from the data (never later than the period's end) so the same
    /// data gives the same file. Closing the workbook (compressing it into the file) counts as one more step
    /// after the sheets: with nine sheets `progress` is told 1/10, 2/10 … 9/10 as they are written, then 1.
    /// `periodText` heads each sheet; by default the period against the same one a year earlier.
    static func write(period: some ReportingPeriod, sheets: [ReportSheet], name: String, from database: some StoreReading,
                      into folder: String, periodText: String? = nil, progress: ((Double) -> Void)? = nil) throws -> String {
        let settings = try database.settings()
        let path = URL(fileURLWithPath: folder).appendingPathComponent("\(name).xlsx").path
        let end = LondonTime.startOfDay(period.lastDay.adding(days: 1))
        let created = try database.latestActivity(notAfter: end) ?? LondonTime.startOfDay(period.firstDay)
        let workbook = try Workbook(path: path, options: .init(createdAt: created, title: "Training take-up and impact \(period)",
                                                                author: settings.partnershipName))
        let writer = SheetWriter(partnershipName: settings.partnershipName, period: periodText ?? "\(period) compared with \(period.yearEarlier)")
        let steps = Double(sheets.count + 1)
        for (index, sheet) in sheets.enumerated() {
            try writer.write(sheet, to: workbook)
            progress?(Double(index + 1) / steps)
        }
        try workbook.close()
        progress?(1)
        return path
    }
}
