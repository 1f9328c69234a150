import Mustache
import TrainingCore

/// Makes a message's subject, text and HTML from a template and the message's facts. The shipped
/// defaults are parsed once, when the renderer is made; an officer's own template is checked and parsed
/// each time it is used.
public struct MessageRenderer: Sendable {
    let parsedDefaults: [MessageTemplate: ParsedTemplate]

    public init() {
        var parsed: [MessageTemplate: ParsedTemplate] = [:]
        for template in MessageTemplates.shipped.values {
            do {
                parsed[template] = try ParsedTemplate(template)
            } catch {
                preconditionFailure("a shipped message template does not parse: \(error)")
            }
        }
        parsedDefaults = parsed
    }

    /// The message; refuses a template `MessageTemplates.check` refuses.
    public func render(_ template: MessageTemplate, facts: MessageFacts) throws(MessageTemplateError) -> RenderedMessage {
        let parsed = if let shipped = parsedDefaults[template] { shipped } else { try ParsedTemplate(template) }
        let values = MessageFactNames.values(of: facts)
        let subject = MessageText.subject(parsed.subject.render(values))
        let text = MessageText.body(parsed.body.render(values))
        return RenderedMessage(subject: subject, text: text,
                               html: MessageHTML.document(subject: subject, partnershipName: facts.partnershipName, text: text))
    }

    /// The message in the kind's shipped words.
    public func render(_ kind: MessageKind, facts: MessageFacts) -> RenderedMessage {
        do {
            return try render(MessageTemplates.shippedDefault(for: kind), facts: facts)
        } catch {
            preconditionFailure("a shipped message template does not parse: \(error)")
        }
    }
}
