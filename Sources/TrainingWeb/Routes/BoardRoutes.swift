import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// A board member: the year's summary on a page — the same figures as the workbook's Summary sheet — its
/// pictures (attendance by sector, five years at a glance, take-up by agency, e-learning licences by
/// quarter), each with a sentence reading it and its figures as a table, and the workbooks to download.
/// Nothing here changes anything.
struct BoardRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("") { request, context in
            let yearText = request.query["year"]
            let year = try yearText.map { try FinancialYear.parse($0, at: InputLocation(field: "year")) }
                ?? FinancialYear(containing: LondonTime.date(of: database.currentTime())).previous
            // One reading of the figures for the summary and the pictures alike: the workbook's own.
            let figures = try BoardFigures.read(year, from: database)
            let summary = BoardWorkbook.sheets(of: figures).first { $0.name == "Summary" }
            return site.pages.render("board", title: "Training in \(year)", [
                "year": year.description, "notes": summary?.notes ?? [],
                "tables": (summary?.tables ?? []).map(tableValues), "years": recentYears(today: database.currentTime()),
                "pictures": BoardPictures.make(figures).map(pictureValues),
            ], context: context, path: "/board")
        }
        group.get("workbook") { request, context in
            let year = try FinancialYear.parse(request.query["year"] ?? "", at: InputLocation(field: "year"))
            return try workbookDownload { try BoardWorkbook.write(year: year, from: database, into: $0) }
        }
    }
}

/// A report table as the page shows it: the same cells the workbook holds, written as text; rows the
/// workbook shades are marked (their words say why, in a cell of their own).
func tableValues(_ table: ReportTable) -> [String: Any] {
    ["heading": table.heading, "columns": table.columns.map { ["name": $0.isEmpty ? "Figure" : $0, "hidden": $0.isEmpty] },
     "rows": (table.rows.enumerated().map { ($0.element, table.highlighted.contains($0.offset)) } + (table.total.map { [($0, false)] } ?? [])).map { row, marked in
         ["marked": marked,
          "cells": row.enumerated().map { index, cell in ["text": cell.displayText, "first": index == 0, "number": cell.isFigure] }] as [String: Any]
     }]
}

/// A picture as the page shows it: heading, reading, its charts as element trees for the `svg-node` template
/// (which escapes every name, value and text, as every template does), and its table.
func pictureValues(_ picture: BoardPicture) -> [String: Any] {
    ["id": picture.id, "heading": picture.heading, "reading": picture.reading, "several": picture.charts.count > 1,
     "charts": picture.charts.map(svgValues), "table": tableValues(picture.table)]
}

/// An SVG element as the `svg-node` template writes it. Every key is always given, empty when there is
/// nothing, so a template section never reaches up to an enclosing element's value.
func svgValues(_ element: SVGElement) -> [String: Any] {
    ["name": element.name, "attributes": element.attributes.map { ["name": $0.name, "value": $0.value] },
     "text": element.text, "children": element.children.map(svgValues)]
}
