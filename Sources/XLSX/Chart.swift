import CXlsxWriter

/// A rectangle of cells on a named sheet, counted from zero, that a chart reads.
public struct CellRange: Sendable, Hashable {
    public var sheet: String
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(sheet: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.sheet = sheet
        firstRow = rows.lowerBound
        lastRow = rows.upperBound
        firstColumn = columns.lowerBound
        lastColumn = columns.upperBound
    }
}

/// One series of a chart: its name, the category labels and the values.
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var categories: CellRange
    public var values: CellRange

    public init(name: String, categories: CellRange, values: CellRange) {
        self.name = name
        self.categories = categories
        self.values = values
    }
}

/// The kinds of chart the board's workbooks use.
public enum ChartKind: Sendable {
    /// Vertical bars, one cluster per category.
    case column
    /// Horizontal bars, for long category names such as sectors.
    case bar
    case pie
    /// Lines across the categories, each series with its own marker shape (so they are told apart without colour).
    case line

    var code: UInt8 {
        switch self {
        case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
        case .bar: return UInt8(LXW_CHART_BAR.rawValue)
        case .pie: return UInt8(LXW_CHART_PIE.rawValue)
        case .line: return UInt8(LXW_CHART_LINE.rawValue)
        }
    }

    /// The markers a line chart gives its series in turn: a shape each, not only a colour.
    static let lineMarkers: [UInt8] = [LXW_CHART_MARKER_DIAMOND, LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_TRIANGLE,
                                       LXW_CHART_MARKER_CIRCLE, LXW_CHART_MARKER_X, LXW_CHART_MARKER_STAR].map { UInt8($0.rawValue) }
}

extension Worksheet {
    /// Inserts a chart whose top-left corner sits on the given cell. The data must already be on a sheet
    /// of this workbook; a chart of no series is refused rather than drawn empty.
    public func insertChart(_ kind: ChartKind, title: String, series: [ChartSeries], categoryAxis: String? = nil,
                            valueAxis: String? = nil, row: Int, column: Int) throws {
        let cell = Self.reference(row: row, column: column)
        guard let workbookHandle = workbook.handle else { throw XLSXError.alreadyClosed(path: workbook.path) }
        guard !series.isEmpty else { throw XLSXError.cannotWrite(sheet: name, cell: cell, reason: "a chart needs at least one series") }
        guard let chart = workbook_add_chart(workbookHandle, kind.code) else {
            throw XLSXError.cannotWrite(sheet: name, cell: cell, reason: "libxlsxwriter could not make the chart")
        }
        chart_title_set_name(chart, XMLText.safe(title))
        for (index, item) in series.enumerated() {
            guard let handle = chart_add_series(chart, nil, nil) else {
                throw XLSXError.cannotWrite(sheet: name, cell: cell, reason: "libxlsxwriter could not add the series '\(item.name)'")
            }
            chart_series_set_name(handle, XMLText.safe(item.name))
            let c = item.categories, v = item.values
            chart_series_set_categories(handle, c.sheet, lxw_row_t(c.firstRow), lxw_col_t(c.firstColumn), lxw_row_t(c.lastRow), lxw_col_t(c.lastColumn))
            chart_series_set_values(handle, v.sheet, lxw_row_t(v.firstRow), lxw_col_t(v.firstColumn), lxw_row_t(v.lastRow), lxw_col_t(v.lastColumn))
            if kind == .line {
                chart_series_set_marker_type(handle, ChartKind.lineMarkers[index % ChartKind.lineMarkers.count])
                chart_series_set_marker_size(handle, 7)
            }
        }
        // A bar chart lays its categories up the side: libxlsxwriter's y axis is then the category axis.
        let (categoryHandle, valueHandle) = kind == .bar ? (chart.pointee.y_axis, chart.pointee.x_axis) : (chart.pointee.x_axis, chart.pointee.y_axis)
        if kind != .pie {
            if let categoryAxis { chart_axis_set_name(categoryHandle, XMLText.safe(categoryAxis)) }
            if let valueAxis { chart_axis_set_name(valueHandle, XMLText.safe(valueAxis)) }
        }
        try workbook.check(worksheet_insert_chart(handle, lxw_row_t(row), lxw_col_t(column), chart)) {
            XLSXError.cannotWrite(sheet: name, cell: cell, reason: $0)
        }
    }
}
