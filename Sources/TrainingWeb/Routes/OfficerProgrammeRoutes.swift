import Foundation
import Hummingbird
import TrainingCore
import TrainingImport
import TrainingStore

/// The officer's running of the programme beyond sessions: the catalogue (add, edit, retire), licences
/// (pools, buying, allocating, usage uploads, reclaiming), charges (waivers) and invoices, and evaluation
/// response rates. Every change goes through the same `TrainingStore` function as the command line.
struct OfficerProgrammeRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to group: RouterGroup<WebContext>) {
        group.get("courses") { _, context in try courses(context) }
        group.get("courses/new") { _, context in courseForm(context, course: nil) }
        group.post("courses") { _, context in try addCourse(context) }
        group.get("courses/:course") { _, context in try courseForm(context, course: try course(context)) }
        group.post("courses/:course") { _, context in try editCourse(try course(context), context) }
        group.post("courses/:course/retire") { _, context in try setActive(false, try course(context), context) }
        group.post("courses/:course/reinstate") { _, context in try setActive(true, try course(context), context) }

        group.get("licences") { _, context in try licences(context) }
        group.get("licences/buy") { _, context in page("officer-licences-buy", "Buy licences", FormPage(), context) }
        group.post("licences/buy") { _, context in try buyLicences(context) }
        group.get("licences/allocate") { _, context in try allocateForm(context) }
        group.post("licences/allocate") { _, context in try allocate(context) }
        group.get("licences/usage") { _, context in page("officer-licences-usage", "Import usage", FormPage(), context) }
        group.post("licences/usage") { _, context in try importUsage(context) }
        group.get("licences/reclaim") { _, context in page("officer-licences-reclaim", "Reclaim unused licences", FormPage(), context) }
        group.post("licences/reclaim") { _, context in try reclaim(context) }

        group.get("charges") { request, context in try charges(request, context) }
        group.get("charges/:charge") { _, context in try chargePage(try charge(context), context) }
        group.post("charges/:charge/waive") { _, context in try waive(try charge(context), context) }
        group.post("charges/:charge/credit") { _, context in try credit(try charge(context), context) }
        group.get("invoices") { _, context in try invoices(context) }
        group.get("invoices/raise") { _, context in raiseForm(context) }
        group.post("invoices/raise") { _, context in try raiseInvoices(context) }
        group.get("invoices/:number") { _, context in try invoice(context) }

        group.get("evaluations") { request, context in try evaluations(request, context) }
    }

    /// A form page: `template` with `page`'s values (what was typed so far) and any errors.
    func page<Page: Encodable & Sendable>(_ template: String, _ title: String, _ page: Page, _ context: WebContext, errors: [FieldError] = [],
                                          path: String = "/officer/licences") -> Response {
        site.pages.render(template, title: title, page, context: context, path: path, errors: errors)
    }

    // MARK: Catalogue

    func course(_ context: WebContext) throws -> CourseDetails {
        let id = try context.parameters.require("course", as: Int64.self)
        guard let course = try database.courses().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        return course
    }

    func courses(_ context: WebContext) throws -> Response {
        let all = try database.courses()
        return site.pages.render("officer-courses", title: "Catalogue", CataloguePage(all), context: context, path: "/officer/courses")
    }

    func courseForm(_ context: WebContext, course: CourseDetails?, values typed: [String: String]? = nil, errors: [FieldError] = []) -> Response {
        let d = course?.definition
        let values = typed ?? ["title": d?.title ?? "", "level": d?.level.rawValue ?? "", "delivery": d?.delivery.rawValue ?? "",
                               "duration": d.map { String($0.duration.minutes) } ?? "", "capacity": d.map { String($0.capacity) } ?? "",
                               "minimum": d.map { String($0.minimumNumbers) } ?? "", "summary": d?.summary ?? ""]
        return site.pages.render(course == nil ? "officer-course-new" : "officer-course-edit", title: d?.title ?? "Add a course", CourseFormPage(
            id: course?.id ?? 0, values: values, retired: d.map { !$0.isActive } ?? false,
            levels: SelectOption.list(CourseLevel.allCases.map(\.rawValue), selected: values["level"]),
            deliveries: SelectOption.list(DeliveryMode.allCases.map(\.rawValue), selected: values["delivery"])
        ), context: context, path: "/officer/courses", errors: errors)
    }

    /// The course the form describes, on top of `base` (the course being edited: its title, refresher,
    /// prerequisites and outcomes are kept), or the problems with what was typed.
    func courseDefinition(_ form: FormData, base: CourseDefinition?) -> (CourseDefinition?, [FieldError]) {
        var errors: [FieldError] = []
        let title = base?.title ?? form["title"]
        if title == nil { errors.append(FieldError(field: "title", message: "Enter the course's title")) }
        let level = form["level"].flatMap(CourseLevel.init(rawValue:))
        if level == nil { errors.append(FieldError(field: "level", message: "Choose the course's level")) }
        let delivery = form["delivery"].flatMap(DeliveryMode.init(rawValue:))
        if delivery == nil { errors.append(FieldError(field: "delivery", message: "Choose how the course is delivered")) }
        var duration: CourseDuration?
        if let minutes = wholeNumber(form, "duration", "the length in minutes", atLeast: 1, errors: &errors) {
            duration = CourseDuration(minutes: minutes)
            if duration == nil { errors.append(FieldError(field: "duration", message: "Enter a length of at most 7200 minutes (5 days)")) }
        }
        let capacity = wholeNumber(form, "capacity", "the number of places", atLeast: 1, errors: &errors)
        let minimum = wholeNumber(form, "minimum", "the minimum number", atLeast: 0, errors: &errors)
        guard errors.isEmpty, let title, let level, let delivery, let duration, let capacity, let minimum else { return (nil, errors) }
        var definition = base ?? CourseDefinition(title: title, level: level, delivery: delivery, duration: duration, capacity: capacity,
                                                  minimumNumbers: minimum)
        definition.level = level
        definition.delivery = delivery
        definition.duration = duration
        definition.capacity = capacity
        definition.minimumNumbers = minimum
        definition.summary = form["summary"] ?? ""
        return (definition, [])
    }

    func typedCourse(_ form: FormData) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ["title", "level", "delivery", "duration", "capacity", "minimum", "summary"].map { ($0, form[$0] ?? "") })
    }

    /// The form field a store's complaint about a course belongs to.
    func courseField(_ error: any Error, otherwise: String) -> String {
        let field = (error as? InputError)?.location.field ?? ""
        return ["title", "capacity", "minimum"].contains(field) ? field : otherwise
    }

    func addCourse(_ context: WebContext) throws -> Response {
        let (wanted, errors) = courseDefinition(context.form, base: nil)
        guard let wanted else { return courseForm(context, course: nil, values: typedCourse(context.form), errors: errors) }
        do {
            let added = try database.addCourse(CatalogueEntry(definition: wanted, file: "the form", line: 1), by: context.actor)
            context.flash("\(added.definition.title) is in the catalogue.")
            return seeOther("/officer/courses")
        } catch {
            guard let problems = fieldErrors(error, field: courseField(error, otherwise: "title")) else { throw error }
            return courseForm(context, course: nil, values: typedCourse(context.form), errors: problems)
        }
    }

    func editCourse(_ course: CourseDetails, _ context: WebContext) throws -> Response {
        let (wanted, errors) = courseDefinition(context.form, base: course.definition)
        guard let wanted else { return courseForm(context, course: course, values: typedCourse(context.form), errors: errors) }
        do {
            let summary = try database.importCatalogue([CatalogueEntry(definition: wanted, file: "the form", line: 1)], by: context.actor)
            context.flash(summary.updated.isEmpty ? "Nothing was changed." : "The changes to \(wanted.title) are saved.")
            return seeOther("/officer/courses")
        } catch {
            guard let problems = fieldErrors(error, field: courseField(error, otherwise: "level")) else { throw error }
            return courseForm(context, course: course, values: typedCourse(context.form), errors: problems)
        }
    }

    func setActive(_ active: Bool, _ course: CourseDetails, _ context: WebContext) throws -> Response {
        do {
            try database.setCourseActive(title: course.definition.title, active: active, by: context.actor)
            context.flash(active ? "\(course.definition.title) is back in the catalogue and can be scheduled."
                                 : "\(course.definition.title) is retired: it can no longer be scheduled. Its sessions and history are kept.")
            return seeOther("/officer/courses/\(course.id)")
        } catch {
            guard let problems = fieldErrors(error, field: "status") else { throw error }
            return courseForm(context, course: course, errors: problems)
        }
    }

    // MARK: Licences

    func licences(_ context: WebContext) throws -> Response {
        let (pools, total) = try database.licenceStatus()
        let page = LicencesPage(pools: pools.map(LicencesPage.Pool.init), none: pools.isEmpty, total: LicencesPage.Counts(total),
                                runOut: try database.licenceRunOut()?.description)
        return site.pages.render("officer-licences", title: "Licences", page, context: context, path: "/officer/licences")
    }

    func buyLicences(_ context: WebContext) throws -> Response {
        let form = context.form
        let values = ["count": form["count"] ?? "", "from": form["from"] ?? "", "to": form["to"] ?? "", "supplier": form["supplier"] ?? "",
                      "note": form["note"] ?? ""]
        var errors: [FieldError] = []
        let count = wholeNumber(form, "count", "the number of licences", atLeast: 1, errors: &errors)
        let from = day(form, "from", "the first day of the contract", errors: &errors)
        let to = day(form, "to", "the last day of the contract", errors: &errors)
        guard errors.isEmpty, let count, let from, let to else {
            return page("officer-licences-buy", "Buy licences", FormPage(values: values), context, errors: errors)
        }
        do {
            let pool = try database.buyLicences(count: count, from: from, to: to, supplier: form["supplier"], note: form["note"], by: context.actor)
            context.flash("Pool \(pool.id!) recorded: \(count) licences from \(from) to \(to).")
            return seeOther("/officer/licences")
        } catch {
            let field = (error as? InputError)?.location.input == .endsOn ? "to" : "count"
            guard let problems = fieldErrors(error, field: field) else { throw error }
            return page("officer-licences-buy", "Buy licences", FormPage(values: values), context, errors: problems)
        }
    }

    func allocateForm(_ context: WebContext, values: [String: String] = [:], errors: [FieldError] = []) throws -> Response {
        let modules = try database.courses(includeRetired: false).filter { $0.definition.delivery == .eLearning }.map(\.definition.title)
        let agencies = try database.agencies().map(\.agency.name)
        return page("officer-licences-allocate", "Allocate licences", AllocateLicencesPage(
            modules: SelectOption.list(modules, selected: values["module"], words: false),
            agencies: SelectOption.list(agencies, selected: values["agency"], words: false),
            values: values, noModules: modules.isEmpty
        ), context, errors: errors)
    }

    func allocate(_ context: WebContext) throws -> Response {
        let form = context.form
        let values = ["module": form["module"] ?? "", "agency": form["agency"] ?? "", "emails": form["emails"] ?? ""]
        var emails = (form["emails"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" }).map(String.init)
        var errors: [FieldError] = []
        if form["module"] == nil { errors.append(FieldError(field: "module", message: "Choose the e-learning module")) }
        if let agency = form["agency"] {
            do {
                emails += try database.learners(agencyName: agency).compactMap(\.learner.email)
            } catch {
                guard let problems = fieldErrors(error, field: "agency") else { throw error }
                errors += problems
            }
        }
        if emails.isEmpty && errors.allSatisfy({ $0.field != "agency" }) {
            errors.append(FieldError(field: "emails", message: "Enter the learners' email addresses, or choose an agency"))
        }
        guard errors.isEmpty, let module = form["module"] else { return try allocateForm(context, values: values, errors: errors) }
        do {
            let results = try database.allocateLicences(module: module, to: emails, by: context.actor)
            let refused = results.compactMap { result in result.refusal.map { "\(result.email): \($0.localizedDescription)" } }
            let given = results.count - refused.count
            guard given > 0 else {
                return try allocateForm(context, values: values, errors: refused.map { FieldError(field: "emails", message: $0) })
            }
            context.flash("\(given) of \(results.count) learners allocated a licence for \(module)."
                          + (refused.isEmpty ? "" : " Not allocated: " + refused.joined(separator: "; ") + "."))
            return seeOther("/officer/licences")
        } catch {
            guard let problems = fieldErrors(error, field: "module") else { throw error }
            return try allocateForm(context, values: values, errors: problems)
        }
    }

    /// Reads an uploaded usage file with the command line's reader; a file it refuses changes nothing, and
    /// the refusal names the line. Rows the store cannot match are listed with their line and reason.
    func importUsage(_ context: WebContext) throws -> Response {
        guard let upload = context.form.files["file"], !upload.data.isEmpty else {
            return page("officer-licences-usage", "Import usage", FormPage(), context,
                        errors: [FieldError(field: "file", message: "Choose the supplier's CSV file")])
        }
        let name = upload.filename.nilIfEmpty ?? "the file"
        let rows: [UsageRow]
        do {
            rows = try UsageFile.parse(try TextFile.decode(upload.data, file: name), file: name)
        } catch let problem as InputError {
            return page("officer-licences-usage", "Import usage", FormPage(), context, errors: [FieldError(field: "file", message: problem.description)])
        } catch let problems as InputProblems {
            return page("officer-licences-usage", "Import usage", FormPage(), context,
                        errors: problems.problems.map { FieldError(field: "file", message: $0.description) })
        }
        let summary = try database.importUsage(rows, by: context.actor)
        let said = "Usage imported from \(name): \(summary.started) started, \(summary.completed) completed, \(summary.unchanged) unchanged, "
            + "\(summary.rejected.count) not matched."
        guard !summary.rejected.isEmpty else {
            context.flash(said)
            return seeOther("/officer/licences")
        }
        return page("officer-licences-usage-result", "Usage imported, with rows not matched", UsageResultPage(
            said: said, file: name,
            rejected: summary.rejected.map { .init(line: $0.line, email: $0.row.email, module: $0.row.module, reason: $0.reason.description) }
        ), context)
    }

    func reclaim(_ context: WebContext) throws -> Response {
        var errors: [FieldError] = []
        guard let days = wholeNumber(context.form, "days", "the number of days", atLeast: 0, errors: &errors) else {
            return page("officer-licences-reclaim", "Reclaim unused licences", FormPage(values: ["days": context.form["days"] ?? ""]), context,
                        errors: errors)
        }
        let reclaimed = try database.reclaimUnusedLicences(olderThan: days, by: context.actor)
        context.flash("\(reclaimed.count) licence\(reclaimed.count == 1 ? "" : "s") unused for \(days) days or more returned to their pools.")
        return seeOther("/officer/licences")
    }

    // MARK: Charges and invoices

    func charge(_ context: WebContext) throws -> ChargeLine {
        let id = try context.parameters.require("charge", as: Int64.self)
        guard let line = try? database.charge(id: id) else { throw HTTPError(.notFound) }
        return line
    }

    /// Charges, newest first, of one agency or all, raised in one financial year or any. The query is read
    /// as a browser sends a GET form (a space as `+`).
    func charges(_ request: Request, _ context: WebContext) throws -> Response {
        let query = request.query
        let agency = query["agency"], yearText = query["year"]
        let agencies = try database.agencies().map(\.agency.name)
        guard agency.map(agencies.contains) ?? true else { throw HTTPError(.notFound) }
        let year = try yearText.map { try financialYear($0) }
        let lines = try database.charges(agencyName: agency, year: year)
        return site.pages.render("officer-charges", title: "Charges", OfficerChargesPage(
            agencies: SelectOption.list(agencies, selected: agency, words: false),
            years: SelectOption.list(recentYears(today: database.currentTime()).map(\.value), selected: yearText, words: false),
            charges: lines.map(OfficerChargesPage.Charge.init), none: lines.isEmpty, payable: lines.payable.description
        ), context: context, path: "/officer/charges")
    }

    func chargePage(_ line: ChargeLine, _ context: WebContext, errors: [FieldError] = []) throws -> Response {
        let page = OfficerChargePage(line, values: ["reason": context.form["reason"] ?? "", "creditReason": context.form["creditReason"] ?? ""])
        return site.pages.render("officer-charge", title: "Charge \(page.id)", page, context: context, path: "/officer/charges", errors: errors)
    }

    func waive(_ line: ChargeLine, _ context: WebContext) throws -> Response {
        guard let reason = context.form["reason"] else {
            return try chargePage(line, context, errors: [FieldError(field: "reason", message: "Enter why the charge is waived")])
        }
        do {
            try database.waiveCharge(line.charge.id!, reason: reason, by: context.actor)
            context.flash("Charge \(line.charge.id!) to \(line.agencyName) is waived: \(reason).")
            return seeOther("/officer/charges")
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return try chargePage(line, context, errors: problems)
        }
    }

    /// Credits an invoiced charge in full with the officer's reason: a credit note of its own.
    func credit(_ line: ChargeLine, _ context: WebContext) throws -> Response {
        guard let reason = context.form["creditReason"] else {
            return try chargePage(line, context, errors: [FieldError(field: "creditReason", message: "Enter why the charge is credited")])
        }
        do {
            let note = try database.creditCharge(line.charge.id!, reason: reason, by: context.actor)
            context.flash("Credit note \(note.shownNumber) gives \(Pence(note.amountPence)) back to \(line.agencyName) for charge \(line.charge.id!): \(reason).")
            return seeOther("/officer/invoices")
        } catch {
            guard let problems = fieldErrors(error, field: "creditReason") else { throw error }
            return try chargePage(line, context, errors: problems)
        }
    }

    func invoices(_ context: WebContext) throws -> Response {
        let list = try database.invoices()
        let credits = try database.creditNotes()
        return site.pages.render("officer-invoices", title: "Invoices", OfficerInvoicesPage(
            credits: credits.map(CreditNoteRow.init), hasCredits: !credits.isEmpty,
            invoices: list.map { .init(number: $0.invoice.number, agency: $0.agencyName, period: Display.period(of: $0.invoice),
                                       total: Pence($0.invoice.totalPence).description, raised: Display.instant($0.invoice.raisedAt)) },
            none: list.isEmpty
        ), context: context, path: "/officer/charges")
    }

    func raiseForm(_ context: WebContext, errors: [FieldError] = []) -> Response {
        let current = FinancialYear(containing: LondonTime.date(of: database.currentTime()))
        let today = LondonTime.date(of: database.currentTime())
        let quarters = (current.previous.quarters + current.quarters).filter { $0.firstDay <= today }.reversed().map(\.description)
        return page("officer-invoices-raise", "Raise invoices", RaiseInvoicesPage(
            quarters: SelectOption.list(quarters, selected: context.form["quarter"], words: false)
        ), context, errors: errors, path: "/officer/charges")
    }

    func raiseInvoices(_ context: WebContext) throws -> Response {
        guard let text = context.form["quarter"], let quarter = try? Quarter.parse(text) else {
            return raiseForm(context, errors: [FieldError(field: "quarter", message: "Choose the quarter to invoice")])
        }
        let raised: [Invoice]
        do {
            raised = try database.raiseInvoices(for: quarter, by: context.actor)
        } catch {
            guard let problems = fieldErrors(error, field: "quarter") else { throw error }
            return raiseForm(context, errors: problems)
        }
        context.flash(raised.isEmpty ? "Nothing to invoice: every payable charge up to the end of \(quarter) is already billed."
                                     : "\(raised.count) invoice\(raised.count == 1 ? "" : "s") raised for \(quarter), numbers "
                                        + raised.map { String($0.number) }.joined(separator: ", ") + ".")
        return seeOther("/officer/invoices")
    }

    func invoice(_ context: WebContext) throws -> Response {
        let number = try context.parameters.require("number", as: Int.self)
        guard let details = try? database.invoice(number: number) else { throw HTTPError(.notFound) }
        return site.pages.render("invoice", title: "Invoice \(number)", InvoicePage(details), context: context, path: "/officer/charges")
    }

    // MARK: Evaluations

    /// Response rates of evaluations and follow-ups by level and by course, from the analysis `training
    /// impact` prints; a group with too few responses shows its counts and rates but not its satisfaction.
    func evaluations(_ request: Request, _ context: WebContext) throws -> Response {
        let year = try request.query["year"].map(financialYear)
            ?? FinancialYear(containing: LondonTime.date(of: database.currentTime()))
        let byLevel = try database.impact(period: year, by: .level, quotes: 0)
        let byCourse = try database.impact(period: year, by: .course, quotes: 0)
        return site.pages.render("officer-evaluations", title: "Evaluation response rates \(year)", EvaluationRatesPage(
            year: year.description, previous: year.previous.description, next: year.next.description,
            overall: .init(byLevel.overall, named: "All courses"), levels: byLevel.groups.map { .init($0, named: Display.words($0.name)) },
            courses: byCourse.groups.map { .init($0, named: $0.name) },
            none: byLevel.overall.figures.attended == 0, minimum: SmallGroup.minimumResponses
        ), context: context, path: "/officer/evaluations")
    }

    // MARK: Reading forms

    func financialYear(_ text: String) throws -> FinancialYear {
        guard let year = try? FinancialYear.parse(text) else {
            throw HTTPError(.badRequest, message: "Choose a financial year written like 2025-26.")
        }
        return year
    }

    /// A whole number of at least `minimum` from `field`, or nil with the problem added to `errors`.
    func wholeNumber(_ form: FormData, _ field: String, _ what: String, atLeast minimum: Int, errors: inout [FieldError]) -> Int? {
        guard let text = form[field] else {
            errors.append(FieldError(field: field, message: "Enter \(what)"))
            return nil
        }
        guard let number = Int(text), number >= minimum else {
            errors.append(FieldError(field: field, message: "Enter \(what) as a whole number, \(minimum) or more"))
            return nil
        }
        return number
    }

    /// A calendar day from `field`, or nil with the problem added to `errors`.
    func day(_ form: FormData, _ field: String, _ what: String, errors: inout [FieldError]) -> LocalDate? {
        guard let text = form[field] else {
            errors.append(FieldError(field: field, message: "Enter \(what)"))
            return nil
        }
        guard let day = try? LocalDate.parse(text) else {
            errors.append(FieldError(field: field, message: "Enter \(what) as a date, like 2026-04-01"))
            return nil
        }
        return day
    }

}
