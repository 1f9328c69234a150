import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's evaluation response rates of a year, overall, by level and by course.
struct EvaluationsController {
    let site: Site
    var database: AppDatabase { site.database }

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("evaluations", use: responseRates)
    }

    /// Response rates of evaluations and follow-ups by level and by course, from the analysis `training
    /// impact` prints; a group with too few responses shows its counts and rates but not its satisfaction.
    func responseRates(_ request: Request, context: WebContext) async throws -> Response {
        let year = try request.query["year"].map(chosenFinancialYear)
            ?? FinancialYear(containing: LondonTime.date(of: database.currentTime()))
        let (byLevel, byCourse) = try await database.reading { view in
            (try view.impact(period: year, by: .level, quotes: 0), try view.impact(period: year, by: .course, quotes: 0))
        }
        return site.pages.render("officer-evaluations", title: "Evaluation response rates \(year)", EvaluationRatesPage(
            year: year.description, previous: year.previous.description, next: year.next.description,
            overall: .init(byLevel.overall, named: "All courses"), levels: byLevel.groups.map { .init($0, named: Display.words($0.name)) },
            courses: byCourse.groups.map { .init($0, named: $0.name) },
            none: byLevel.overall.figures.attended == 0, minimum: SmallGroup.minimumResponses
        ), context: context, path: "/officer/evaluations")
    }
}
