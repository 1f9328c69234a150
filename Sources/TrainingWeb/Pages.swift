import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import TrainingCore
import TrainingStore

/// A problem with one field of a form: shown in the error summary at the top, linked to the field, and
/// beside the field itself (GOV.UK's error pattern).
struct FieldError: Sendable {
    var field: String
    var message: String
}

/// One link of a role's navigation.
struct NavigationLink {
    var href: String
    var label: String
}

/// Renders the site's pages from its Mustache templates, each inside the shared layout. Mustache
/// escapes every value, so text people typed is shown as text, never as markup.
struct Pages: Sendable {
    let library: MustacheLibrary
    let database: AppDatabase

    init(database: AppDatabase) throws {
        var library = MustacheLibrary()
        for (name, text) in Templates.all { try library.register(MustacheTemplate(string: text), named: name) }
        self.library = library
        self.database = database
    }

    static func navigation(for role: UserRole) -> [NavigationLink] {
        switch role {
        case .officer:
            return [.init(href: "/officer/sessions", label: "Sessions"), .init(href: "/officer/courses", label: "Catalogue"),
                    .init(href: "/officer/licences", label: "Licences"), .init(href: "/officer/charges", label: "Charges"),
                    .init(href: "/officer/evaluations", label: "Evaluations"), .init(href: "/officer/reports", label: "Reports"),
                    .init(href: "/officer/people", label: "Personal data"), .init(href: "/officer/audit", label: "Audit log")]
        case .booker:
            return [.init(href: "/agency", label: "Programme"), .init(href: "/agency/bookings", label: "Bookings"),
                    .init(href: "/agency/staff", label: "Staff"), .init(href: "/agency/charges", label: "Charges and invoices"),
                    .init(href: "/agency/report", label: "Workbook")]
        case .board:
            return [.init(href: "/board", label: "Summary")]
        }
    }

    /// A page: `template` filled with `values`, in the layout with the title, navigation, the form token,
    /// any message from the last form, and any errors.
    func render(_ template: String, title: String, _ values: [String: Any] = [:], context: WebContext, path: String? = nil,
                errors: [FieldError] = [], status: HTTPResponse.Status = .ok) -> Response {
        var page = values
        page["title"] = title
        page["partnership"] = (try? database.settings().partnershipName) ?? PartnershipSettings().partnershipName
        page["csrf"] = context.csrfToken ?? context.sessions.session?.csrfToken ?? ""
        if let user = context.user {
            page["user"] = ["name": user.name, "agency": user.agencyName ?? ""]
            let current = path ?? ""
            page["hasNav"] = true
            page["nav"] = Self.navigation(for: user.role).map { link -> [String: Any] in
                ["href": link.href, "label": link.label, "current": current == link.href || current.hasPrefix(link.href + "/")]
            }
        }
        if let flash = takeFlash(context) { page["flash"] = flash }
        page["hasErrors"] = !errors.isEmpty
        page["errors"] = errors.map { ["field": $0.field, "message": $0.message] }
        page["fieldErrors"] = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let html = library.render(page, withTemplate: template) ?? "template \(template) is missing"
        var response = Response(status: errors.isEmpty ? status : .unprocessableContent,
                                headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentLanguage] = "en-GB"
        return response
    }

    func errorPage(title: String, message: String, status: HTTPResponse.Status, context: WebContext) -> Response {
        render("error", title: title, ["message": message], context: context, status: status)
    }

    /// The message a form left for the next page, shown once.
    private func takeFlash(_ context: WebContext) -> String? {
        guard var session = context.sessions.session, let flash = session.flash else { return nil }
        session.flash = nil
        _ = context.sessions.updateSession(session)
        return flash
    }
}

extension WebContext {
    /// Leaves a message for the next page (after a form, before its redirect).
    func flash(_ message: String) {
        guard var session = sessions.session else { return }
        session.flash = message
        _ = sessions.updateSession(session)
    }
}

/// After a form: redirect with 303, so reloading the next page does not send the form again.
func seeOther(_ path: String) -> Response {
    .redirect(to: path, type: .normal)
}
