import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// The officer's charges and invoices: the charges of an agency or a year, waiving a charge or crediting
/// an invoiced one, the invoices and credit notes, and raising a quarter's invoices. Every change goes
/// through the same `TrainingStore` function as the command line.
struct ChargesController {
    let site: Site
    var database: AppDatabase { site.database }

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("charges", use: list)
        group.get("charges/:charge", use: show)
        group.post("charges/:charge/waive", use: waive)
        group.post("charges/:charge/credit", use: credit)
        group.get("invoices", use: invoices)
        group.get("invoices/raise", use: raiseForm)
        group.post("invoices/raise", use: raise)
        group.get("invoices/:number", use: invoice)
    }

    // MARK: Handlers

    /// Charges, newest first, of one agency or all, raised in one financial year or any. The query is read
    /// as a browser sends a GET form (a space as `+`).
    func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = request.query
        let agency = query["agency"], yearText = query["year"]
        let (agencies, lines) = try await database.reading { view in
            let agencies = try view.agencies().map(\.agency.name)
            guard agency.map(agencies.contains) ?? true else { throw HTTPError(.notFound) }
            return (agencies, try view.charges(agencyName: agency, year: try yearText.map(chosenFinancialYear)))
        }
        return render("officer-charges", "Charges", OfficerChargesPage(
            agencies: SelectOption.list(agencies, selected: agency, words: false),
            years: SelectOption.list(recentYears(today: database.currentTime()).map(\.value), selected: yearText, words: false),
            charges: lines.map(OfficerChargesPage.Charge.init), none: lines.isEmpty, payable: lines.payable.description
        ), context)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        chargePage(try await charge(context), context)
    }

    func waive(_ request: Request, context: WebContext) async throws -> Response {
        let (id, line) = try await charge(context)
        guard let reason = context.form["reason"] else {
            return chargePage((id, line), context, errors: [FieldError(field: "reason", message: "Enter why the charge is waived")])
        }
        do {
            try await database.writing { try $0.waiveCharge(id, reason: reason, by: context.actor) }
            context.flash("Charge \(id) to \(line.agencyName) is waived: \(reason).")
            return seeOther("/officer/charges")
        } catch {
            guard let problems = fieldErrors(error, field: "reason") else { throw error }
            return chargePage((id, line), context, errors: problems)
        }
    }

    /// Credits an invoiced charge in full with the officer's reason: a credit note of its own.
    func credit(_ request: Request, context: WebContext) async throws -> Response {
        let (id, line) = try await charge(context)
        guard let reason = context.form["creditReason"] else {
            return chargePage((id, line), context, errors: [FieldError(field: "creditReason", message: "Enter why the charge is credited")])
        }
        do {
            let note = try await database.writing { try $0.creditCharge(id, reason: reason, by: context.actor) }
            context.flash("Credit note \(note.shownNumber) gives \(Pence(note.amountPence)) back to \(line.agencyName) for charge \(id): \(reason).")
            return seeOther("/officer/invoices")
        } catch {
            guard let problems = fieldErrors(error, field: "creditReason") else { throw error }
            return chargePage((id, line), context, errors: problems)
        }
    }

    func invoices(_ request: Request, context: WebContext) async throws -> Response {
        let (list, credits) = try await database.reading { view in (try view.invoices(), try view.creditNotes()) }
        return render("officer-invoices", "Invoices", OfficerInvoicesPage(
            credits: credits.map(CreditNoteRow.init), hasCredits: !credits.isEmpty,
            invoices: list.map { .init(number: $0.invoice.number, agency: $0.agencyName, period: Display.period(of: $0.invoice),
                                       total: Pence($0.invoice.totalPence).description, raised: Display.instant($0.invoice.raisedAt)) },
            none: list.isEmpty
        ), context)
    }

    func raiseForm(_ request: Request, context: WebContext) -> Response {
        raiseForm(context)
    }

    func raise(_ request: Request, context: WebContext) async throws -> Response {
        guard let text = context.form["quarter"], let quarter = try? Quarter.parse(text) else {
            return raiseForm(context, errors: [FieldError(field: "quarter", message: "Choose the quarter to invoice")])
        }
        let raised: [Invoice]
        do {
            raised = try await database.writing { try $0.raiseInvoices(for: quarter, by: context.actor) }
        } catch {
            guard let problems = fieldErrors(error, field: "quarter") else { throw error }
            return raiseForm(context, errors: problems)
        }
        context.flash(raised.isEmpty ? "Nothing to invoice: every payable charge up to the end of \(quarter) is already billed."
                                     : "\(raised.count) invoice\(raised.count == 1 ? "" : "s") raised for \(quarter), numbers "
                                        + raised.map { String($0.number) }.joined(separator: ", ") + ".")
        return seeOther("/officer/invoices")
    }

    func invoice(_ request: Request, context: WebContext) async throws -> Response {
        let number = try context.parameters.require("number", as: Int.self)
        guard let details = try? await database.reading({ try $0.invoice(number: number) }) else { throw HTTPError(.notFound) }
        return render("invoice", "Invoice \(number)", InvoicePage(details), context)
    }

    // MARK: Pages

    /// A page of charges or invoices, with any errors.
    func render<Page: Encodable & Sendable>(_ template: String, _ title: String, _ page: Page, _ context: WebContext,
                                            errors: [FieldError] = []) -> Response {
        site.pages.render(template, title: title, page, context: context, path: "/officer/charges", errors: errors)
    }

    /// The charge named in the path: its id and its line.
    func charge(_ context: WebContext) async throws -> (id: Int64, line: ChargeLine) {
        let id = try context.parameters.require("charge", as: Int64.self)
        guard let line = try? await database.reading({ try $0.charge(id: id) }) else { throw HTTPError(.notFound) }
        return (id, line)
    }

    func chargePage(_ charge: (id: Int64, line: ChargeLine), _ context: WebContext, errors: [FieldError] = []) -> Response {
        let page = OfficerChargePage(charge.line, values: ["reason": context.form["reason"] ?? "", "creditReason": context.form["creditReason"] ?? ""])
        return render("officer-charge", "Charge \(charge.id)", page, context, errors: errors)
    }

    func raiseForm(_ context: WebContext, errors: [FieldError] = []) -> Response {
        let today = LondonTime.date(of: database.currentTime())
        let current = FinancialYear(containing: today)
        let quarters = (current.previous.quarters + current.quarters).filter { $0.firstDay <= today }.reversed().map(\.description)
        return render("officer-invoices-raise", "Raise invoices", RaiseInvoicesPage(
            quarters: SelectOption.list(quarters, selected: context.form["quarter"], words: false)
        ), context, errors: errors)
    }
}
