import Foundation
import Hummingbird
import TrainingCore
import TrainingImport
import TrainingStore

/// The officer's e-learning licences: the pools, buying, allocating, the supplier's usage uploads and
/// reclaiming licences never started. Every change goes through the same `TrainingStore` function as the
/// command line.
struct LicencesController {
    let site: Site
    var database: AppDatabase { site.database }

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("licences", use: pools)
        group.get("licences/buy", use: purchaseForm)
        group.post("licences/buy", use: buy)
        group.get("licences/allocate", use: allocationForm)
        group.post("licences/allocate", use: allocate)
        group.get("licences/usage", use: usageForm)
        group.post("licences/usage", use: importUsage)
        group.get("licences/reclaim", use: reclaimForm)
        group.post("licences/reclaim", use: reclaim)
    }

    // MARK: Handlers

    func pools(_ request: Request, context: WebContext) async throws -> Response {
        let (status, runOut) = try await database.reading { view in (try view.licenceStatus(), try view.licenceRunOut()) }
        let page = LicencesPage(pools: status.pools.map(LicencesPage.Pool.init), none: status.pools.isEmpty, total: LicencesPage.Counts(status.total),
                                runOut: runOut?.description)
        return render("officer-licences", "Licences", page, context)
    }

    func purchaseForm(_ request: Request, context: WebContext) -> Response {
        render("officer-licences-buy", "Buy licences", FormPage(), context)
    }

    func buy(_ request: Request, context: WebContext) async throws -> Response {
        let form = context.form
        let values = ["count": form["count"] ?? "", "from": form["from"] ?? "", "to": form["to"] ?? "", "supplier": form["supplier"] ?? "",
                      "note": form["note"] ?? ""]
        var errors: [FieldError] = []
        let count = form.wholeNumber("count", "the number of licences", atLeast: 1, errors: &errors)
        let from = form.day("from", "the first day of the contract", errors: &errors)
        let to = form.day("to", "the last day of the contract", errors: &errors)
        guard errors.isEmpty, let count, let from, let to else {
            return render("officer-licences-buy", "Buy licences", FormPage(values: values), context, errors: errors)
        }
        do {
            let pool = try await database.writing { tx in
                try tx.buyLicences(count: count, from: from, to: to, supplier: form["supplier"], note: form["note"], by: context.actor)
            }
            context.flash("Pool \(pool.id.map(String.init) ?? "") recorded: \(count) licences from \(from) to \(to).")
            return seeOther("/officer/licences")
        } catch {
            guard let problems = fieldErrors(error, field: "count", among: ["count", "from", "to", "supplier", "note"]) else { throw error }
            return render("officer-licences-buy", "Buy licences", FormPage(values: values), context, errors: problems)
        }
    }

    func allocationForm(_ request: Request, context: WebContext) async throws -> Response {
        try await allocationForm(context)
    }

    func allocate(_ request: Request, context: WebContext) async throws -> Response {
        let form = context.form
        let values = ["module": form["module"] ?? "", "agency": form["agency"] ?? "", "emails": form["emails"] ?? ""]
        var emails = (form["emails"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
        var errors: [FieldError] = []
        if form["module"] == nil { errors.append(FieldError(field: "module", message: "Choose the e-learning module")) }
        if let agency = form["agency"] {
            do {
                emails += try await database.reading { try $0.learners(agencyName: agency) }.compactMap(\.learner.email)
            } catch {
                guard let problems = fieldErrors(error, field: "agency") else { throw error }
                errors += problems
            }
        }
        if emails.isEmpty && errors.allSatisfy({ $0.field != "agency" }) {
            errors.append(FieldError(field: "emails", message: "Enter the learners' email addresses, or choose an agency"))
        }
        guard errors.isEmpty, let module = form["module"] else { return try await allocationForm(context, values: values, errors: errors) }
        do {
            let allocated = emails
            let results = try await database.writing { try $0.allocateLicences(module: module, to: allocated, by: context.actor) }
            let refused = results.compactMap { result in result.refusal.map { "\(result.email): \($0.localizedDescription)" } }
            let given = results.count - refused.count
            guard given > 0 else {
                return try await allocationForm(context, values: values, errors: refused.map { FieldError(field: "emails", message: $0) })
            }
            context.flash("\(given) of \(results.count) learners allocated a licence for \(module)."
                          + (refused.isEmpty ? "" : " Not allocated: " + refused.joined(separator: "; ") + "."))
            return seeOther("/officer/licences")
        } catch {
            guard let problems = fieldErrors(error, field: "module") else { throw error }
            return try await allocationForm(context, values: values, errors: problems)
        }
    }

    func usageForm(_ request: Request, context: WebContext) -> Response {
        render("officer-licences-usage", "Import usage", FormPage(), context)
    }

    /// Reads an uploaded usage file with the command line's reader; a file it refuses changes nothing, and
    /// the refusal names the line. Rows the store cannot match are listed with their line and reason.
    func importUsage(_ request: Request, context: WebContext) async throws -> Response {
        guard let upload = context.form.files["file"], !upload.data.isEmpty else {
            return usageRefused([FieldError(field: "file", message: "Choose the supplier's CSV file")], context)
        }
        let name = upload.filename.nilIfEmpty ?? "the file"
        let rows: [UsageRow]
        do {
            rows = try UsageFile.parse(try TextFile.decode(upload.data, file: name), file: name)
        } catch let problem as InputError {
            return usageRefused([FieldError(field: "file", message: problem.webDescription)], context)
        } catch let problems as InputProblems {
            return usageRefused(problems.problems.map { FieldError(field: "file", message: $0.webDescription) }, context)
        }
        let summary = try await database.writing { try $0.importUsage(rows, by: context.actor) }
        let said = "Usage imported from \(name): \(summary.started) started, \(summary.completed) completed, \(summary.unchanged) unchanged, "
            + "\(summary.rejected.count) not matched."
        guard !summary.rejected.isEmpty else {
            context.flash(said)
            return seeOther("/officer/licences")
        }
        return render("officer-licences-usage-result", "Usage imported, with rows not matched", UsageResultPage(
            said: said, file: name,
            rejected: summary.rejected.map { .init(line: $0.line, email: $0.row.email, module: $0.row.module, reason: $0.reason.description) }
        ), context)
    }

    func reclaimForm(_ request: Request, context: WebContext) -> Response {
        render("officer-licences-reclaim", "Reclaim unused licences", FormPage(), context)
    }

    func reclaim(_ request: Request, context: WebContext) async throws -> Response {
        var errors: [FieldError] = []
        guard let days = context.form.wholeNumber("days", "the number of days", atLeast: 0, errors: &errors) else {
            return render("officer-licences-reclaim", "Reclaim unused licences", FormPage(values: ["days": context.form["days"] ?? ""]), context,
                          errors: errors)
        }
        let reclaimed = try await database.writing { try $0.reclaimUnusedLicences(olderThan: days, by: context.actor) }
        context.flash("\(reclaimed.count) licence\(reclaimed.count == 1 ? "" : "s") unused for \(days) days or more returned to their pools.")
        return seeOther("/officer/licences")
    }

    // MARK: Pages

    /// A licences page, with the values typed so far and any errors.
    func render<Page: Encodable & Sendable>(_ template: String, _ title: String, _ page: Page, _ context: WebContext,
                                            errors: [FieldError] = []) -> Response {
        site.pages.render(template, title: title, page, context: context, path: "/officer/licences", errors: errors)
    }

    func allocationForm(_ context: WebContext, values: [String: String] = [:], errors: [FieldError] = []) async throws -> Response {
        let (modules, agencies) = try await database.reading { view in
            (try view.courses(includeRetired: false).filter { $0.definition.delivery == .eLearning }.map(\.definition.title),
             try view.agencies().map(\.agency.name))
        }
        return render("officer-licences-allocate", "Allocate licences", AllocateLicencesPage(
            modules: SelectOption.list(modules, selected: values["module"], words: false),
            agencies: SelectOption.list(agencies, selected: values["agency"], words: false),
            values: values, noModules: modules.isEmpty
        ), context, errors: errors)
    }

    /// The usage form again, with why the file was refused.
    func usageRefused(_ errors: [FieldError], _ context: WebContext) -> Response {
        render("officer-licences-usage", "Import usage", FormPage(), context, errors: errors)
    }
}
