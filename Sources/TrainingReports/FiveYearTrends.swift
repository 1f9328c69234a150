import Foundation
import TrainingCore
import TrainingStore

extension Headlines {
    /// A period's headline figures, as the Summary sheet shows them.
    init(_ figures: BoardWorkbook.PeriodFigures) {
        let impact = ImpactFigures(figures.impact.overall)
        self.init(coursesHeld: figures.courses.total.held, cancelledShare: figures.courses.total.cancelledShare,
                  attendance: figures.attendance.reduce(0) { $0 + $1.attended }, learnersReached: figures.learnersReached,
                  eLearningCompletions: figures.licences.total.completed, licencesAllocated: figures.licences.total.allocated,
                  licencesStarted: figures.licences.total.started, satisfiedShare: impact.satisfiedShare,
                  knowledgeALotShare: impact.knowledgeShare(.aLot), responseRate: impact.responseRate, responses: impact.responses,
                  chargesRaised: figures.charges.reduce(.zero) { $0 + $1.raised },
                  foundationCompliance: figures.complianceMeasured ? FoundationCompliance.partnershipShare(figures.takeUp) : nil)
    }
}

/// A financial year and the four before it, each read with the same per-period reader as the workbook's own
/// two years (`BoardWorkbook.PeriodFigures`), so every figure of a year equals that year's own workbook.
/// Years before the records begin (before the first year holding any record) have no figures — "no data",
/// never zeros. The Trends sheet and the board's web page both show these.
public struct FiveYearTrends: Sendable {
    /// How many years are set side by side.
    public static let yearCount = 5

    /// The five years, oldest first; the last is the year reported on.
    public let years: [FinancialYear]
    /// Each year's figures as read, oldest first.
    let figures: [BoardWorkbook.PeriodFigures]
    /// The index in `years` of the first year holding any record; nil when none does.
    public let firstYearWithRecords: Int?

    init(years: [FinancialYear], figures: [BoardWorkbook.PeriodFigures]) {
        self.years = years
        self.figures = figures
        firstYearWithRecords = figures.firstIndex(where: \.holdsAnyRecord)
    }

    /// Reads the figures of `year` and the four years before it, two at a time (one on each core), each
    /// year on one consistent view of the database; through a door's view, in turn on that view. Compliance
    /// is measured for the year and the year before, which the Summary and Take-up sheets compare; the
    /// Trends sheet does not show it.
    public static func read(endingWith year: FinancialYear, from database: some StoreReading) throws -> FiveYearTrends {
        let years = (0..<yearCount).map { FinancialYear(startYear: year.startYear - (yearCount - 1) + $0) }
        // The even places on this thread and the odd on another: the year and the year before go one each.
        let (even, odd) = try bothAtOnce(from: database,
            { try stride(from: 0, to: yearCount, by: 2).map { try read(years, $0, from: database) } },
            { try stride(from: 1, to: yearCount, by: 2).map { try read(years, $0, from: database) } })
        let figures = years.indices.compactMap { $0 % 2 == 0 ? even[safe: $0 / 2] : odd[safe: $0 / 2] }
        return FiveYearTrends(years: years, figures: figures)
    }

    /// The figures of the year at `index` of `years`, compliance measured only for the last two.
    private static func read(_ years: [FinancialYear], _ index: Int, from database: some StoreReading) throws -> BoardWorkbook.PeriodFigures {
        try BoardWorkbook.PeriodFigures.read(years[index], from: database, measuringCompliance: index >= years.count - 2)
    }

    /// Whether the year at `index` is on or after the first year holding a record.
    public func hasRecords(_ index: Int) -> Bool {
        guard let firstYearWithRecords else { return false }
        return index >= firstYearWithRecords && index < figures.count
    }

    /// Each year's headline figures, oldest first; nil for a year before the records begin.
    public var headlines: [Headlines?] {
        figures.indices.map { hasRecords($0) ? Headlines(figures[$0]) : nil }
    }

    /// Attendance by sector each year: every sector any of the years has, in the board's order, with a count
    /// a year (oldest first), nil for a year before the records begin.
    public var attendanceBySector: [(sector: String, attended: [Int?])] {
        let bySector = figures.map { BoardSheets.attendanceBySector($0.attendance) }
        return BoardSheets.sectorOrder(bySector.flatMap(\.keys)).map { sector in
            (sector, bySector.indices.map { hasRecords($0) ? bySector[$0][sector, default: 0] : nil })
        }
    }
}

/// Everything the board's annual workbook and its web page show for a year, read once: the five years'
/// figures (the year's and the year before's among them), and the learners' words and licence pools.
public struct BoardFigures: Sendable {
    public let year: FinancialYear
    public let trends: FiveYearTrends
    let words: BoardWorkbook.WordsAndPools

    /// The year's figures: the last of the five.
    var now: BoardWorkbook.PeriodFigures { trends.figures[trends.figures.count - 1] }
    /// The year before's: the fourth of the five.
    var before: BoardWorkbook.PeriodFigures { trends.figures[trends.figures.count - 2] }
    /// When the live licence pools run out at the rate of the last 90 days; nil when they do not.
    public var licencesRunOut: LocalDate? { words.runOut }

    /// Reads the five years and, at the same time, the learners' words and the licence pools (in turn
    /// through a door's view).
    public static func read(_ year: FinancialYear, from database: some StoreReading) throws -> BoardFigures {
        let (trends, words) = try bothAtOnce(from: database, { try FiveYearTrends.read(endingWith: year, from: database) },
                                             { try BoardWorkbook.WordsAndPools.read(year, from: database) })
        return BoardFigures(year: year, trends: trends, words: words)
    }
}

extension Array {
    /// The element at `index`, or nil beyond the ends.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
