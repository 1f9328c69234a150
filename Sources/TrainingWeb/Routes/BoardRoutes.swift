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
        group.get("", use: summary)
        group.get("workbook", use: workbook)
    }

    /// A year's summary and pictures: last year's unless the query names another.
    func summary(_ request: Request, context: WebContext) async throws -> Response {
        let chosen = try request.query["year"].map { try FinancialYear.parse($0, at: InputLocation(field: "year")) }
        let now = database.currentTime()
        let year = chosen ?? FinancialYear(containing: LondonTime.date(of: now)).previous
        // One reading of the figures for the summary and the pictures alike: the workbook's own.
        let figures = try await database.reading { try BoardFigures.read(year, from: $0) }
        let summary = BoardWorkbook.sheets(of: figures).first { $0.name == "Summary" }
        return site.pages.render("board", title: "Training in \(year)", BoardPage(
            year: year.description, notes: summary?.notes ?? [], tables: (summary?.tables ?? []).map(ReportTableView.init),
            years: recentYears(today: now), pictures: BoardPictures.make(figures).map(PictureView.init)
        ), context: context, path: "/board")
    }

    func workbook(_ request: Request, context: WebContext) async throws -> Response {
        let year = try FinancialYear.parse(request.query["year"] ?? "", at: InputLocation(field: "year"))
        return try await site.workbookDownload { view, folder in try BoardWorkbook.write(year: year, from: view, into: folder) }
    }
}
