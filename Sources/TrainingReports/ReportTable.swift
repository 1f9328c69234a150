import Foundation
import TrainingCore

/// One value of a report, typed so the workbook writes a real number where there is a number.
public enum ReportCell: Sendable, Equatable {
    /// Text that came from users or the program; always written as text, never as a formula.
    case text(String)
    case count(Int)
    /// A share from 0 to 1, written as a percentage; nil when there is nothing to divide by.
    case percent(Double?)
    case money(Pence)
    /// A mean such as a confidence score, to one decimal place; nil when there is none.
    case decimal(Double?)
    /// A change between two percentages, in whole percentage points (`PercentagePoints`): written as a number
    /// the workbook shows as "+6 pts"; nil when either percentage is missing.
    case points(Int?)
    case blank

    /// The change from one share to another, in percentage points.
    public static func pointsChange(from before: Double?, to now: Double?) -> ReportCell {
        .points(PercentagePoints.change(from: before, to: now))
    }

    /// The cell as a page or a sentence writes it: 1,234; 56%; +6 pts; £12.50; 4.5; "–" for a figure there is none of.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .count(let count): return wholeNumberText(count)
        case .percent(let share): return share.map { "\(wholePercent($0))%" } ?? "–"
        case .money(let pence): return pence.description
        case .decimal(let value): return value.map { String(format: "%.1f", $0) } ?? "–"
        case .points(let points): return PercentagePoints.text(points)
        case .blank: return ""
        }
    }

    /// Whether the cell holds a figure (set right-aligned on a page), not words.
    public var isFigure: Bool {
        switch self {
        case .text, .blank: return false
        default: return true
        }
    }
}

/// A table of a report sheet: a heading, column headers, rows, and a total row the program computed.
public struct ReportTable: Sendable, Equatable {
    public var heading: String
    public var columns: [String]
    public var rows: [[ReportCell]]
    /// Computed by the program, never a spreadsheet formula; `totalsMismatches` checks it.
    public var total: [ReportCell]?
    /// Rows drawn to the eye (agencies with staff but no take-up, say), by index in `rows`.
    public var highlighted: Set<Int>

    public init(heading: String, columns: [String], rows: [[ReportCell]], total: [ReportCell]? = nil, highlighted: Set<Int> = []) {
        self.heading = heading
        self.columns = columns
        self.rows = rows
        self.total = total
        self.highlighted = highlighted
    }

    /// Rows that are subtotals: summing a column skips them so they are not counted twice.
    public var subtotalRows: Set<Int> = []

    /// The columns whose total differs from the sum of the rows (counts and money only), with both figures.
    /// Empty when every total adds up, as the board must be able to check by hand.
    public var totalsMismatches: [(column: String, total: Int, sum: Int)] {
        guard let total else { return [] }
        var mismatches: [(String, Int, Int)] = []
        for (index, cell) in total.enumerated() {
            let values = rows.enumerated().filter { !subtotalRows.contains($0.offset) }.map { $0.element.indices.contains(index) ? $0.element[index] : .blank }
            switch cell {
            case .count(let total):
                let sum = values.reduce(0) { if case .count(let n) = $1 { return $0 + n } else { return $0 } }
                if sum != total { mismatches.append((columns[index], total, sum)) }
            case .money(let total):
                let sum = values.reduce(0) { if case .money(let p) = $1 { return $0 + p.amount } else { return $0 } }
                if sum != total.amount { mismatches.append((columns[index], total.amount, sum)) }
            default:
                continue
            }
        }
        return mismatches
    }
}

/// A chart on a sheet, drawn from columns of one of its tables.
public struct ReportChart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case column, bar, pie, line }
    public var kind: Kind
    public var title: String
    /// Which table of the sheet it reads.
    public var table: Int
    /// The column holding the category labels.
    public var categoryColumn: Int
    /// The columns holding each series' values; their headers name the series.
    public var valueColumns: [Int]
    public var valueAxis: String?
    /// When not empty, each of these rows of the table (by index in its `rows`) is a series instead, named by
    /// its first cell, over `valueColumns` (which then run side by side), whose headers are the categories:
    /// a line across the years of a table with a column a year.
    public var seriesRows: [Int] = []

    public init(kind: Kind, title: String, table: Int, categoryColumn: Int = 0, valueColumns: [Int], valueAxis: String? = nil) {
        self.kind = kind
        self.title = title
        self.table = table
        self.categoryColumn = categoryColumn
        self.valueColumns = valueColumns
        self.valueAxis = valueAxis
    }

    /// A chart of `rows` of a table, each a series across `columns`, whose headers are the categories.
    public init(kind: Kind, title: String, table: Int, seriesRows rows: [Int], across columns: ClosedRange<Int>, valueAxis: String? = nil) {
        self.init(kind: kind, title: title, table: table, valueColumns: Array(columns), valueAxis: valueAxis)
        seriesRows = rows
    }
}

/// One sheet of a workbook: its tab name, what its title row says, notes, tables and charts.
public struct ReportSheet: Sendable, Equatable {
    public var name: String
    public var title: String
    /// Paragraphs written under the title (the summary's notable changes, say).
    public var notes: [String]
    public var tables: [ReportTable]
    public var charts: [ReportChart]

    public init(name: String, title: String, notes: [String] = [], tables: [ReportTable], charts: [ReportChart] = []) {
        self.name = name
        self.title = title
        self.notes = notes
        self.tables = tables
        self.charts = charts
    }
}
