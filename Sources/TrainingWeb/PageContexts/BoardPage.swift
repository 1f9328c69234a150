import TrainingReports

/// The board's page: the year's summary (the workbook's Summary sheet), its pictures and the workbooks.
struct BoardPage: Encodable, Sendable {
    var year: String
    var notes: [String]
    var tables: [ReportTableView]
    var years: [ListedValue]
    var pictures: [PictureView]
}

/// A report table as the page shows it: the same cells the workbook holds, written as text; rows the
/// workbook shades are marked (their words say why, in a cell of their own).
struct ReportTableView: Encodable, Sendable {
    struct Column: Encodable, Sendable {
        var name: String
        var hidden: Bool
    }

    struct Row: Encodable, Sendable {
        var marked: Bool
        var cells: [Cell]
    }

    struct Cell: Encodable, Sendable {
        var text: String
        var first: Bool
        var number: Bool
    }

    var heading: String
    var columns: [Column]
    var rows: [Row]

    init(_ table: ReportTable) {
        heading = table.heading
        columns = table.columns.map { Column(name: $0.isEmpty ? "Figure" : $0, hidden: $0.isEmpty) }
        let body = table.rows.enumerated().map { ($0.element, table.highlighted.contains($0.offset)) }
        rows = (body + (table.total.map { [($0, false)] } ?? [])).map { row, marked in
            Row(marked: marked, cells: row.enumerated().map { Cell(text: $1.displayText, first: $0 == 0, number: $1.isFigure) })
        }
    }
}

/// A picture as the page shows it: heading, reading, its charts as element trees for the `svg-node` template
/// (which escapes every name, value and text, as every template does), and its table.
struct PictureView: Encodable, Sendable {
    var id: String
    var heading: String
    var reading: String
    var several: Bool
    var charts: [SVGNode]
    var table: ReportTableView

    init(_ picture: BoardPicture) {
        id = picture.id
        heading = picture.heading
        reading = picture.reading
        several = picture.charts.count > 1
        charts = picture.charts.map(SVGNode.init)
        table = ReportTableView(picture.table)
    }
}

/// An SVG element as the `svg-node` template writes it. Every value is always there, empty when there is
/// nothing, so a template section never reaches up to an enclosing element's value.
struct SVGNode: Encodable, Sendable {
    struct Attribute: Encodable, Sendable {
        var name: String
        var value: String
    }

    var name: String
    var attributes: [Attribute]
    var text: String
    var children: [SVGNode]

    init(_ element: SVGElement) {
        name = element.name
        attributes = element.attributes.map { Attribute(name: $0.name, value: $0.value) }
        text = element.text
        children = element.children.map(SVGNode.init)
    }
}
