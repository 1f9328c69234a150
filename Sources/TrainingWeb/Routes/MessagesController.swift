import Foundation
import Hummingbird
import TrainingCore
import TrainingMail
import TrainingStore

/// The officer's "Messages" (issue 18): the outbox with its counts and filters, one message with where its
/// delivery stands, retrying a failed one, and each kind's words — switched on or off, edited with a
/// preview on the facts of a real message before they are kept, or taken back to the shipped default.
/// Every change goes through the same `TrainingStore` function as `training mail`.
struct MessagesController {
    let site: Site
    var database: AppDatabase { site.database }
    /// Messages listed on one page of the outbox.
    static let pageSize = 50
    /// The furthest page a link may ask for, so no request reads the whole outbox many times over.
    static let lastPage = 1_000
    /// The shipped defaults parsed once, for every preview.
    static let renderer = MessageRenderer()

    func addRoutes(to group: RouterGroup<WebContext>) {
        group.get("messages", use: list)
        group.get("messages/words", use: words)
        group.get("messages/words/:kind", use: editWords)
        group.post("messages/words/:kind", use: previewOrSaveWords)
        group.post("messages/words/:kind/default", use: backToDefault)
        group.post("messages/words/:kind/switch", use: switchKind)
        group.get("messages/:message", use: show)
        group.post("messages/:message/retry", use: retry)
    }

    // MARK: The outbox

    /// The outbox, newest first, of one status, one kind, or one learner's messages, a page at a time. A
    /// status or kind the filters do not offer is no page (404); a learner's email that names nobody is an
    /// error on its field.
    func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = request.query
        let status = try query["status"].map { try Self.known(OutboxMessage.Status(rawValue: $0)) }
        let kind = try query["kind"].map { try Self.known(MessageKind(rawValue: $0)) }
        let learner = query["learner"]
        let pageNumber = try query["page"].map { try Self.known(Int($0).flatMap { (1...Self.lastPage).contains($0) ? $0 : nil }) } ?? 1
        let filter = MessageFilter(status: status, kind: kind, learnerEmail: learner, limit: pageNumber * Self.pageSize + 1)
        try await database.writing { try $0.queueOwedMessages() }
        let (counts, found, errors) = try await database.reading { view in
            let counts = try view.outboxCounts()
            do {
                return (counts, try view.messages(filter), [FieldError]())
            } catch {
                guard let problems = fieldErrors(error, field: "learner") else { throw error }
                return (counts, [OutboxMessage](), problems)
            }
        }
        let shown = found.dropFirst((pageNumber - 1) * Self.pageSize).prefix(Self.pageSize)
        func link(toPage number: Int) -> String {
            let pairs = [("status", status?.rawValue), ("kind", kind?.rawValue), ("learner", learner), ("page", number > 1 ? String(number) : nil)]
            let query = pairs.compactMap { name, value in value.map { "\(name)=\(OfficerStartRoutes.queryValue($0))" } }.joined(separator: "&")
            return "/officer/messages" + (query.isEmpty ? "" : "?" + query)
        }
        let previous = pageNumber > 1 ? link(toPage: pageNumber - 1) : nil
        let next = found.count > pageNumber * Self.pageSize ? link(toPage: pageNumber + 1) : nil
        return render("officer-messages", "Messages", MessagesPage(
            queuedCount: counts.queued, sentCount: counts.sent, failedCount: counts.failed,
            statuses: OutboxMessage.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == status) },
            kinds: MessageKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
            learner: learner, messages: shown.map(MessagesPage.Row.init), none: shown.isEmpty,
            anyOwed: shown.contains { $0.id == nil }, pageNumber: pageNumber,
            previous: previous, next: next, paged: previous != nil || next != nil
        ), context, errors: errors)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        messagePage(try await message(context), context)
    }

    /// Queues a failed message again; it goes on the mail service's next pass.
    func retry(_ request: Request, context: WebContext) async throws -> Response {
        let found = try await message(context)
        let id = found.id ?? 0
        do {
            try await database.writing { try $0.retryMessage(id, by: context.actor) }
        } catch {
            guard let problems = fieldErrors(error, field: "retry") else { throw error }
            return messagePage(found, context, errors: problems)
        }
        context.flash("Message \(id) is queued again: it goes with the next messages sent.")
        return seeOther("/officer/messages/\(id)")
    }

    // MARK: The words of each kind

    func words(_ request: Request, context: WebContext) async throws -> Response {
        let (off, own) = try await database.reading { view in
            (try view.messageKindsOff(), Set(try MessageKind.allCases.filter { try view.customMessageTemplate($0) != nil }))
        }
        return render("officer-messages-words", "Message words", MessageWordsPage(kinds: MessageKind.allCases.map {
            .init(kind: $0.rawValue, label: $0.label, audience: $0.audience, isOn: !off.contains($0), ownWords: own.contains($0))
        }), context)
    }

    /// Switches a kind of message on or off: one switched off is not owed from then on.
    func switchKind(_ request: Request, context: WebContext) async throws -> Response {
        let kind = try Self.kind(context)
        guard let state = context.form["state"], ["on", "off"].contains(state) else { throw HTTPError(.badRequest, message: "Choose on or off.") }
        try await database.writing { try $0.switchMessageKind(kind, on: state == "on", by: context.actor) }
        context.flash(state == "on" ? "\(kind.label) messages are on: they are sent again from now."
                                    : "\(kind.label) messages are off: none is written from now until they are switched on again.")
        return seeOther("/officer/messages/words")
    }

    /// The words in use, the officer's own or the default, in the form.
    func editWords(_ request: Request, context: WebContext) async throws -> Response {
        let kind = try Self.kind(context)
        let own = try await database.reading { try $0.customMessageTemplate(kind) }
        let words = own.map { MessageTemplate(subject: $0.subject, body: $0.body) } ?? MessageTemplates.shippedDefault(for: kind)
        return try await wordsPage(kind, words, context)
    }

    /// The form's two buttons: Preview renders the typed words and changes nothing; Save keeps them once
    /// they pass `MessageTemplates.check`. A mistake is shown on the subject or the body, with its line.
    func previewOrSaveWords(_ request: Request, context: WebContext) async throws -> Response {
        let kind = try Self.kind(context)
        let typed = MessageTemplate(subject: Self.lines(context.form["subject"]), body: Self.lines(context.form["body"]))
        var errors: [FieldError] = []
        if typed.subject.isEmpty { errors.append(FieldError(field: "subject", message: "Enter the subject")) }
        if typed.body.isEmpty { errors.append(FieldError(field: "body", message: "Enter the message")) }
        if errors.isEmpty {
            do {
                try MessageTemplates.check(typed)
            } catch {
                errors.append(FieldError(field: error.part.rawValue, message: error.localizedDescription))
            }
        }
        guard errors.isEmpty else { return try await wordsPage(kind, typed, context, errors: errors) }
        guard context.form["intent"] == "save" else { return try await wordsPage(kind, typed, context, preview: true) }
        do {
            try await database.writing { try $0.setMessageTemplate(kind, subject: typed.subject, body: typed.body, by: context.actor) }
        } catch {
            guard let problems = fieldErrors(error, field: "body", among: ["subject", "body"]) else { throw error }
            return try await wordsPage(kind, typed, context, errors: problems)
        }
        context.flash("Your words for \(kind.label.lowercased()) messages are saved: every message of this kind sent from now uses them.")
        return seeOther("/officer/messages/words/\(kind.rawValue)")
    }

    /// Forgets the officer's own words for a kind: its messages use the shipped default again.
    func backToDefault(_ request: Request, context: WebContext) async throws -> Response {
        let kind = try Self.kind(context)
        try await database.writing { try $0.setMessageTemplate(kind, subject: nil, body: nil, by: context.actor) }
        context.flash("\(kind.label) messages use the default words again.")
        return seeOther("/officer/messages/words/\(kind.rawValue)")
    }

    // MARK: Pages

    func render<Page: Encodable & Sendable>(_ template: String, _ title: String, _ page: Page, _ context: WebContext,
                                            errors: [FieldError] = []) -> Response {
        site.pages.render(template, title: title, page, context: context, path: "/officer/messages", errors: errors)
    }

    func messagePage(_ message: OutboxMessage, _ context: WebContext, errors: [FieldError] = []) -> Response {
        render("officer-message", "Message \(message.id ?? 0)", MessagePage(message), context, errors: errors)
    }

    /// The form for a kind's words with `words` in it, the default beside it, and, for a preview, the
    /// words rendered with the latest real message's facts (its personal links shown as placeholders,
    /// since they are made only when a message is sent) or, with none in the outbox, made-up ones.
    func wordsPage(_ kind: MessageKind, _ words: MessageTemplate, _ context: WebContext, preview: Bool = false,
                   errors: [FieldError] = []) async throws -> Response {
        let (settings, own, latest) = try await database.reading { view in
            (try view.settings(), try view.customMessageTemplate(kind),
             try view.latestMessageWithFacts(kind))
        }
        let shipped = MessageTemplates.shippedDefault(for: kind)
        var shown: MessageWordsEditPage.Preview?
        if preview {
            let (facts, whose) = Self.previewFacts(kind, latest: latest, settings: settings)
            let rendered = try Self.renderer.render(words, facts: facts)
            shown = .init(facts: whose, subject: rendered.subject, text: MessageParagraph.paragraphs(rendered.text))
        }
        return render("officer-messages-words-edit", "\(kind.label) message", MessageWordsEditPage(
            kind: kind.rawValue, label: kind.label, audience: kind.audience, ownWords: own != nil,
            changed: own.map { "Your own words, last changed by \($0.updatedBy) on \(Display.instant($0.updatedAt))." },
            subject: words.subject, body: words.body, defaultSubject: shipped.subject, defaultBody: shipped.body, preview: shown
        ), context, errors: errors)
    }

    /// The facts a preview is rendered with, and the sentence that says whose they are.
    static func previewFacts(_ kind: MessageKind, latest: OutboxMessage?, settings: PartnershipSettings) -> (MessageFacts, String) {
        guard let message = latest, var facts = message.facts else {
            return (.example(for: kind, partnershipName: settings.partnershipName, baseURL: settings.baseURL),
                    "Shown with made-up facts: there is no \(kind.label.lowercased()) message in the outbox yet.")
        }
        let placeholder = "(the personal link, made when the message is sent)"
        if kind.isToLearner, facts.manageLink == nil { facts.manageLink = "\(settings.baseURL)/my/\(placeholder)" }
        if kind.carriesOwnPageLink, facts.ownPageLink == nil { facts.ownPageLink = "\(settings.baseURL)/my/\(placeholder)" }
        if kind == .evaluationInvitation || kind == .followUpInvitation, facts.evaluationLink == nil { facts.evaluationLink = placeholder }
        return (facts, "Shown with the facts of the latest \(kind.label.lowercased()) message in the outbox: \(message.id.map { "message \($0)" } ?? "a message not numbered yet"), "
                    + "to \(MessageRecipient.name(of: message)), written \(Display.instant(message.createdAt)).")
    }

    // MARK: The path and the form

    /// The message named in the path.
    func message(_ context: WebContext) async throws -> OutboxMessage {
        let id = try context.parameters.require("message", as: Int64.self)
        do {
            try await database.writing { try $0.queueOwedMessages() }
            return try await database.reading { try $0.message(id) }
        } catch is UnknownMessage {
            throw HTTPError(.notFound)
        }
    }

    /// The kind named in the path; any other word is no page.
    static func kind(_ context: WebContext) throws -> MessageKind {
        try known(MessageKind(rawValue: try context.parameters.require("kind")))
    }

    /// A value the page offers, or no page (404) for one it does not.
    static func known<Value>(_ value: Value?) throws -> Value {
        guard let value else { throw HTTPError(.notFound) }
        return value
    }

    /// A text area's text with the browser's CRLF line breaks made LF, as the templates are kept.
    static func lines(_ text: String?) -> String {
        (text ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}

extension MessageTemplateError {
    /// The part of the template the mistake is in: the form field it is shown on.
    var part: MessageTemplate.Part {
        switch self {
        case .syntax(let part, _, _), .unknownFact(let part, _, _), .unsupportedTag(let part, _, _): part
        }
    }
}
