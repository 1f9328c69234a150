import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import TrainingCore
import TrainingStore

/// Renders the site's pages from its Mustache templates (`Resources/templates`, loaded once when the
/// application starts), each inside the shared layout. Mustache escapes every value, so text people typed
/// is shown as text, never as markup. A page is rendered from values already read: the route's from its
/// door, the layout's from the request (`LayoutMiddleware`), so rendering never waits on the database. The
/// content of a self-contained page is rendered once for each of its values (`RenderedContents`).
struct Pages: Sendable {
    let library: MustacheLibrary
    /// The same templates, but for a layout that is only the content block: it renders a page's content
    /// alone, exactly as it stands in the layout.
    let contentLibrary: MustacheLibrary
    let contents = RenderedContents()

    init(templates: URL = WebResources.templates) throws(WebResourceError) {
        var library = try TemplateLoader.library(from: templates)
        var contentLibrary = library
        do {
            library.register(try TemplateLoader.template(RenderedContent.template), named: RenderedContent.name)
            contentLibrary.register(try TemplateLoader.template(RenderedContent.contentOnlyLayout), named: "layout")
        } catch {
            throw .unusable(file: RenderedContent.name, problem: "\(error)")
        }
        self.library = library
        self.contentLibrary = contentLibrary
    }

    static func navigation(for role: UserRole) -> [NavigationLink] {
        switch role {
        case .officer:
            return [.init(href: "/officer", label: "Needs attention"),
                    .init(href: "/officer/sessions", label: "Sessions"), .init(href: "/officer/courses", label: "Catalogue"),
                    .init(href: "/officer/licences", label: "Licences"), .init(href: "/officer/charges", label: "Charges"),
                    .init(href: "/officer/evaluations", label: "Evaluations"), .init(href: "/officer/reports", label: "Reports"),
                    .init(href: "/officer/messages", label: "Messages"), .init(href: "/officer/refreshers", label: "Refreshers"),
                    .init(href: "/officer/learners", label: "Learners"),
                    .init(href: "/officer/people", label: "Personal data"), .init(href: "/officer/audit", label: "Audit log")]
        case .booker:
            return [.init(href: "/agency", label: "Programme"), .init(href: "/agency/bookings", label: "Bookings"),
                    .init(href: "/agency/staff", label: "Staff"), .init(href: "/agency/refreshers", label: "Due for refresher"),
                    .init(href: "/agency/charges", label: "Charges and invoices"),
                    .init(href: "/agency/report", label: "Workbook")]
        case .board:
            return [.init(href: "/board", label: "Summary")]
        }
    }

    /// A role's navigation, with a booker's "Requests" after "Bookings" when their agency takes requests for
    /// places or has some waiting, and how many wait.
    static func navigation(for role: UserRole, waitingRequests: Int?) -> [NavigationLink] {
        var links = navigation(for: role)
        if let waiting = waitingRequests, let bookings = links.firstIndex(where: { $0.href == "/agency/bookings" }) {
            links.insert(.init(href: "/agency/requests", label: waiting > 0 ? "Requests (\(waiting))" : "Requests"), at: bookings + 1)
        }
        return links
    }

    /// A page: `template` filled with `page`, in the layout with the partnership's name (the usual one when
    /// the request has not read it), the title, navigation, the form token, any message from the last form,
    /// and any errors.
    func render<Page: Encodable & Sendable>(_ template: String, title: String, _ page: Page, context: WebContext, path: String? = nil,
                                            errors: [FieldError] = [], status: HTTPResponse.Status = .ok) -> Response {
        if errors.isEmpty, let selfContained = page as? any SelfContainedPage {
            let html = contents.content(of: template, selfContained) { content(template, page) }
            return render(RenderedContent.name, title: title, RenderedContent(html: html), context: context, path: path, status: status)
        }
        var layout = LayoutContext(title: title, partnership: context.partnership ?? PartnershipSettings().partnershipName,
                                   csrf: context.csrfToken ?? context.sessions.session?.csrfToken ?? "", page: page)
        if let user = context.user {
            layout.user = SignedInPerson(name: user.name, email: user.email)
            let current = path ?? ""
            let links = Self.navigation(for: user.role, waitingRequests: user.waitingRequests)
            // The page's own link is the longest that leads to it: "/officer/sessions", not the start page "/officer".
            let currentHref = links.map(\.href).filter { current == $0 || current.hasPrefix($0 + "/") }.max { $0.count < $1.count }
            layout.hasNav = true
            layout.nav = links.map { NavigationLink(href: $0.href, label: $0.label, current: $0.href == currentHref) }
        }
        layout.flash = takeFlash(context)
        layout.hasErrors = !errors.isEmpty
        layout.errors = errors.map { ErrorSummaryLine(field: $0.field, message: $0.message, linked: true) }
        layout.fieldErrors = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        var html = library.render(layout, withTemplate: template) ?? "template \(template) is missing"
        if !errors.isEmpty {
            // Each link of the error summary goes to the control that shows its message, found in the page as
            // rendered; a message with no field on this page (a form not shown) is listed without a link.
            let targets = errors.map { ErrorSummaryLinks.target(of: $0.field, in: html) }
            if targets != errors.map(\.field) {
                layout.errors = zip(errors, targets).map { ErrorSummaryLine(field: $1, message: $0.message, linked: $1 != nil) }
                layout.errorsResolved = true
                html = library.render(layout, withTemplate: template) ?? html
            }
        }
        var response = Response(status: errors.isEmpty ? status : .unprocessableContent,
                                headers: [.contentType: "text/html; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentLanguage] = "en-GB"
        return response
    }

    /// `template`'s content alone, filled with `page`, as it stands in the layout.
    func content<Page: Encodable & Sendable>(_ template: String, _ page: Page) -> String {
        contentLibrary.render(LayoutContext(title: "", partnership: "", csrf: "", page: page), withTemplate: template)
            ?? "template \(template) is missing"
    }

    func errorPage(title: String, message: String, status: HTTPResponse.Status, context: WebContext) -> Response {
        render("error", title: title, ErrorPage(message: message), context: context, status: status)
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

/// Where an error summary's link for a field goes (GOV.UK's error summary: each message links to the control
/// it is about). Read from the page as rendered, so no template can leave a link that goes nowhere: the
/// control whose id is the field's name; else the first control of that name (the first radio of a group);
/// else the first control tied by `aria-describedby` (its own, or its fieldset's) to the field's message
/// (`FIELD-error`); else none, when the page shows no field for it.
enum ErrorSummaryLinks {
    static func target(of field: String, in html: String) -> String? {
        let escaped = NSRegularExpression.escapedPattern(for: field)
        if firstMatch(#"<(?:input|select|textarea)\b[^>]*\sid="\#(escaped)""#, in: html) != nil { return field }
        if let named = firstMatch(#"<(?:input|select|textarea)\b[^>]*\sname="\#(escaped)"[^>]*>"#, in: html),
           let id = firstMatch(#"\sid="([^"]+)""#, in: named.matched)?.captured { return id }
        let tied = #"aria-describedby="(?:[^"]*\s)?\#(escaped)-error(?:\s[^"]*)?""#
        if let control = firstMatch(#"<(?:input|select|textarea)\b[^>]*\#(tied)[^>]*>"#, in: html),
           let id = firstMatch(#"\sid="([^"]+)""#, in: control.matched)?.captured { return id }
        if let fieldset = firstMatch(#"<fieldset\b[^>]*\#(tied)[^>]*>(.*?)</fieldset>"#, in: html),
           let control = firstMatch(#"<(?:input|select|textarea)\b[^>]*\sid="([^"]+)""#, in: fieldset.captured ?? "") {
            return control.captured
        }
        return nil
    }

    /// The first match of `pattern` in `text` and its first group.
    private static func firstMatch(_ pattern: String, in text: String) -> (matched: String, captured: String?)? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let whole = Range(match.range, in: text) else { return nil }
        let group = match.numberOfRanges > 1 ? Range(match.range(at: 1), in: text).map { String(text[$0]) } : nil
        return (String(text[whole]), group)
    }
}
