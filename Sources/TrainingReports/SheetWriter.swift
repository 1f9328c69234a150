import Foundation
import TrainingCore
import XLSX

/// Writes report sheets into a workbook the way the board reads them: a title row naming the partnership
/// and the period, each table with a bold header and its total, frozen header, column widths that fit,
/// whole numbers, percentages and pounds as real numbers, A4 landscape with the header repeated.
public struct SheetWriter {
    public var partnershipName: String
    public var period: String

    public init(partnershipName: String, period: String) {
        self.partnershipName = partnershipName
        self.period = period
    }

    static let titleStyle = CellStyle(bold: true, fontSize: 14)
    static let headingStyle = CellStyle(bold: true, fontSize: 12)
    static let headerStyle = CellStyle(bold: true, wrap: true, background: 0xD9E2F3, border: true)
    static let noteStyle = CellStyle(wrap: true)
    static let highlight: UInt32 = 0xFCE4D6

    /// The workbook style of a cell, bold on total rows and shaded on highlighted ones.
    static func style(of cell: ReportCell, bold: Bool, shaded: Bool) -> CellStyle {
        var style: CellStyle
        switch cell {
        case .count: style = .wholeNumber
        case .percent(let share): style = share == nil ? CellStyle() : .percentage
        case .money: style = .pounds
        case .decimal(let value): style = value == nil ? CellStyle() : CellStyle(numberFormat: "0.0")
        case .points(let points): style = points == nil ? CellStyle() : CellStyle(numberFormat: PercentagePoints.numberFormat)
        case .text, .blank: style = CellStyle()
        }
        style.bold = bold
        if shaded { style.background = highlight }
        return style
    }

    static func value(of cell: ReportCell) -> CellValue {
        switch cell {
        case .text(let text): return .text(text)
        case .count(let n): return .integer(n)
        case .percent(let share): return share.map(CellValue.number) ?? .text("–")
        case .money(let pence): return .number(Double(pence.amount) / 100)
        case .decimal(let value): return value.map { .number(($0 * 10).rounded() / 10) } ?? .text("–")
        case .points(let points): return points.map(CellValue.integer) ?? .text("–")
        case .blank: return .blank
        }
    }

    /// The width a column needs for a value, in characters.
    static func width(of cell: ReportCell) -> Int {
        switch cell {
        case .text(let text): return text.split(separator: "\n").map(\.count).max() ?? 0
        case .count(let n): return String(n).count + n.magnitude.description.count / 3
        case .money(let pence): return pence.description.count
        case .percent, .decimal: return 6
        case .points: return 8
        case .blank: return 0
        }
    }

    /// The width each column needs across every table of a sheet, in characters.
    static func columnWidths(_ report: ReportSheet) -> [Int] {
        let columnCount = max(1, report.tables.map(\.columns.count).max() ?? 1)
        var widths = Array(repeating: 8, count: columnCount)
        for table in report.tables {
            for (index, header) in table.columns.enumerated() { widths[index] = max(widths[index], min(40, header.count + 2)) }
            for cells in table.rows + [table.total ?? []] {
                for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], min(60, Self.width(of: cell) + 2)) }
            }
        }
        return widths
    }

    /// Writes one sheet.
    public func write(_ report: ReportSheet, to workbook: Workbook) throws {
        let sheet = try workbook.addSheet(report.name)
        let widths = Self.columnWidths(report)
        for (column, width) in widths.enumerated() { try sheet.setColumnWidth(Double(width), columns: column...column) }
        try sheet.write(.text("\(partnershipName) — \(report.title), \(period)"), row: 0, column: 0, style: Self.titleStyle)
        var row = 2
        // A note spans the sheet's columns (at least 60 characters wide) with a row tall enough for its lines.
        let noteColumns = 0...max(widths.count - 1, 5)
        let noteWidth = max(60, widths.reduce(0, +))
        for note in report.notes {
            try sheet.writeMerged(note, row: row, columns: noteColumns, style: Self.noteStyle)
            let lines = (note.count + noteWidth - 1) / noteWidth
            try sheet.setRowHeight(Double(max(1, lines)) * 15, row: row)
            row += 1
        }
        if !report.notes.isEmpty { row += 1 }
        var firstHeaderRow: Int?
        var tableOrigins: [(header: Int, rows: Int)] = []
        for table in report.tables {
            try sheet.write(.text(table.heading), row: row, column: 0, style: Self.headingStyle)
            row += 1
            try sheet.write(row: row, table.columns.map(CellValue.text), style: Self.headerStyle)
            firstHeaderRow = firstHeaderRow ?? row
            tableOrigins.append((row, table.rows.count))
            row += 1
            for (index, cells) in table.rows.enumerated() {
                let bold = table.subtotalRows.contains(index)
                for (column, cell) in cells.enumerated() {
                    try sheet.write(Self.value(of: cell), row: row, column: column,
                                    style: Self.style(of: cell, bold: bold, shaded: table.highlighted.contains(index)))
                }
                row += 1
            }
            if let total = table.total {
                for (column, cell) in total.enumerated() {
                    try sheet.write(Self.value(of: cell), row: row, column: column, style: Self.style(of: cell, bold: true, shaded: false))
                }
                row += 1
            }
            row += 1
        }
        if let firstHeaderRow {
            sheet.freezePanes(row: firstHeaderRow + 1)
            try sheet.setUpPrinting(repeatRows: firstHeaderRow...firstHeaderRow)
        } else {
            try sheet.setUpPrinting()
        }
        for chart in report.charts {
            let origin = tableOrigins[chart.table]
            guard origin.rows > 0 else { continue }
            let dataRows = (origin.header + 1)...(origin.header + origin.rows)
            let table = report.tables[chart.table]
            let headers = table.columns
            let series: [ChartSeries]
            if chart.seriesRows.isEmpty {
                series = chart.valueColumns.map { column in
                    ChartSeries(name: headers[column], categories: CellRange(sheet: report.name, rows: dataRows, columns: chart.categoryColumn...chart.categoryColumn),
                                values: CellRange(sheet: report.name, rows: dataRows, columns: column...column))
                }
            } else {
                // A series a row, across the value columns, whose headers are the categories.
                guard let first = chart.valueColumns.min(), let last = chart.valueColumns.max() else { continue }
                series = chart.seriesRows.filter(table.rows.indices.contains).map { index in
                    let row = origin.header + 1 + index
                    return ChartSeries(name: table.rows[index].first?.displayText ?? "",
                                       categories: CellRange(sheet: report.name, rows: origin.header...origin.header, columns: first...last),
                                       values: CellRange(sheet: report.name, rows: row...row, columns: first...last))
                }
            }
            try sheet.insertChart(
                { switch chart.kind { case .column: return .column; case .bar: return .bar; case .pie: return .pie; case .line: return .line } }(),
                title: chart.title, series: series, valueAxis: chart.valueAxis, row: row + 1, column: 0)
            row += 18
        }
    }
}
