import TrainingCore

/// What one kind of message says, as the officer edits it: a one-line Mustache subject and a plain-text
/// Mustache body over `MessageFacts`. The HTML part is made from the rendered body by a fixed layout
/// (`MessageHTML`), so there is one text to edit and the two parts always agree.
public struct MessageTemplate: Sendable, Hashable, Codable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// Which of the two texts a problem is in.
    public enum Part: String, Sendable, Hashable, Codable {
        case subject, body
    }
}

/// One message made from a template and its facts: the subject on one line, the plain text and the HTML
/// made from it.
public struct RenderedMessage: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// Why a template cannot be used: each case says which part and which line, for the officer's form.
public enum MessageTemplateError: Error, Sendable, Hashable, UserFacingError {
    /// Mustache cannot read the text: a tag or a section is not finished or not closed.
    case syntax(part: MessageTemplate.Part, line: Int, problem: String)
    /// A `{{name}}` that is not one of the facts a message carries (a typo would otherwise print nothing).
    case unknownFact(part: MessageTemplate.Part, line: Int, name: String)
    /// A partial, block, delimiter change or pragma: a message's text is one template on its own.
    case unsupportedTag(part: MessageTemplate.Part, line: Int, tag: String)

    public var errorDescription: String? {
        switch self {
        case .syntax(let part, let line, let problem): "The \(part.rawValue), line \(line): \(problem)."
        case .unknownFact(let part, let line, let name):
            "The \(part.rawValue), line \(line): '\(name)' is not a fact a message has (the facts are \(MessageFactNames.all.sorted().joined(separator: ", ")))."
        case .unsupportedTag(let part, let line, let tag):
            "The \(part.rawValue), line \(line): '\(tag)' cannot be used in a message; only facts and sections of them can."
        }
    }
}
