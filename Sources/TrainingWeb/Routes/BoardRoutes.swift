import Foundation
import Hummingbird
import TrainingCore
import TrainingReports
import TrainingStore

/// A board member: the year's summary on a page — the same figures as the workbook's Summary sheet —
/// and the workbooks to download. Nothing here changes anything.
struct BoardRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("") { request, context in
            let yearText = request.query["year"]
            let year = try yearText.map { try FinancialYear.parse($0, at: InputLocation(field: "year")) }
                ?? FinancialYear(containing: LondonTime.date(of: database.currentTime())).previous
            let summary = try BoardWorkbook.sheets(for: year, from: database).first { $0.name == "Summary" }!
            return site.pages.render("board", title: "Training in \(year)", [
                "year": year.description, "notes": summary.notes,
                "tables": summary.tables.map(tableValues), "years": recentYears(today: database.currentTime()),
            ], context: context, path: "/board")
        }
        group.get("workbook") { request, context in
            let year = try FinancialYear.parse(request.query["year"] ?? "", at: InputLocation(field: "year"))
            return try workbookDownload { try BoardWorkbook.write(year: year, from: database, into: $0) }
        }
    }
}

/// A report table as the page shows it: the same cells the workbook holds, written as text.
func tableValues(_ table: ReportTable) -> [String: Any] {
    ["heading": table.heading, "columns": table.columns.map { ["name": $0.isEmpty ? "Figure" : $0, "hidden": $0.isEmpty] },
     "rows": (table.rows + (table.total.map { [$0] } ?? [])).map { row in
         ["cells": row.enumerated().map { index, cell in ["text": cellText(cell), "first": index == 0, "number": isNumber(cell)] }]
     }]
}

func isNumber(_ cell: ReportCell) -> Bool {
    switch cell {
    case .text, .blank: return false
    default: return true
    }
}

func cellText(_ cell: ReportCell) -> String {
    switch cell {
    case .text(let text): return text
    case .count(let count): return count.formatted()
    case .percent(let share): return share.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    case .money(let pence): return pence.description
    case .decimal(let value): return value.map { String(format: "%.1f", $0) } ?? "–"
    case .blank: return ""
    }
}

extension Templates {
    static let board: [String: String] = [
        "board": """
            {{<layout}}{{$content}}
            {{#notes}}<p>{{.}}</p>{{/notes}}
            {{#tables}}
            <table><caption>{{heading}}</caption>
            <thead><tr>{{#columns}}<th scope="col">{{#hidden}}<span class="visually-hidden">{{name}}</span>{{/hidden}}{{^hidden}}{{name}}{{/hidden}}</th>{{/columns}}</tr></thead>
            <tbody>{{#rows}}<tr>{{#cells}}{{#first}}<th scope="row">{{text}}</th>{{/first}}{{^first}}<td{{#number}} class="number"{{/number}}>{{text}}</td>{{/first}}{{/cells}}</tr>{{/rows}}</tbody>
            </table>
            {{/tables}}
            <h2>Workbooks</h2>
            <ul>{{#years}}<li><a href="/board/workbook?year={{value}}">Board workbook {{value}}</a> · <a href="/board?year={{value}}">summary of {{value}}</a></li>{{/years}}</ul>
            {{/content}}{{/layout}}
            """,
    ]
}
