import Foundation
import Mustache
import TrainingCore

/// The shipped default of each kind of message, and the check a template must pass before it is kept.
public enum MessageTemplates {
    /// The kind's text as the system ships it (`Resources/mail/<kind>.subject.mustache` and
    /// `.body.mustache`), which the officer can edit and go back to.
    public static func shippedDefault(for kind: MessageKind) -> MessageTemplate {
        guard let template = shipped[kind] else { preconditionFailure("every kind's template is read when the module is first used") }
        return template
    }

    /// Refuses a template Mustache cannot read, naming the part and line, or one naming a fact a message
    /// does not have.
    public static func check(_ template: MessageTemplate) throws(MessageTemplateError) {
        _ = try ParsedTemplate(template)
    }

    static let shipped: [MessageKind: MessageTemplate] = Dictionary(uniqueKeysWithValues: MessageKind.allCases.map { kind in
        (kind, MessageTemplate(subject: resource("\(kind.rawValue).subject"), body: resource("\(kind.rawValue).body")))
    })

    /// A shipped file's text without its final line break. The files are built into the module's bundle,
    /// so one missing is a broken build, not something a user can cause.
    static func resource(_ name: String) -> String {
        let file = MailResources.folder.appendingPathComponent("mail/\(name).mustache")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            preconditionFailure("The shipped message template \(file.path) is missing from TrainingMail's resources")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// The files of TrainingMail's bundle (Package.swift copies `Sources/TrainingMail/Resources` whole). On
/// Linux Foundation takes a top-level `Resources` folder for the bundle's own, elsewhere it lies within.
enum MailResources {
    static var folder: URL {
        let resources = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let within = resources.appendingPathComponent("Resources", isDirectory: true)
        return FileManager.default.fileExists(atPath: within.path) ? within : resources
    }
}

/// A template's two texts parsed, as plain text: nothing is HTML-escaped, since the HTML part escapes
/// the rendered text once when it lays it out.
struct ParsedTemplate: Sendable {
    var subject: MustacheTemplate
    var body: MustacheTemplate

    init(_ template: MessageTemplate) throws(MessageTemplateError) {
        subject = try Self.parse(template.subject, part: .subject)
        body = try Self.parse(template.body, part: .body)
    }

    /// The pragma that makes Mustache leave values unescaped is put before the text on its first line, so
    /// the lines Mustache counts are the text's own. Line breaks are made LF first (a web form sends CRLF).
    static func parse(_ given: String, part: MessageTemplate.Part) throws(MessageTemplateError) -> MustacheTemplate {
        let text = given.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let source = "{{%CONTENT_TYPE:TEXT}}" + text
        let parsed: MustacheTemplate
        do {
            parsed = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw .syntax(part: part, line: line(of: error, in: source), problem: problem(error.error))
        } catch {
            throw .syntax(part: part, line: 1, problem: "\(error)")
        }
        try TemplateTags.check(text, part: part)
        return parsed
    }

    /// The line to show the officer: Mustache stops where it noticed the problem, which for a tag left
    /// unfinished is the line after it and for a section left open is the end of the text. The line of the
    /// open section, or else of the last tag begun before where Mustache stopped, is where the mistake is.
    static func line(of error: MustacheTemplate.ParserError, in source: String) -> Int {
        if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let line = TemplateTags.lineOfUnclosedSection(in: source) {
            return line
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let stopped = min(max(error.context.lineNumber, 1), lines.count)
        let read = lines[..<(stopped - 1)].map { $0 + "\n" }.joined() + lines[stopped - 1].prefix(max(error.context.columnNumber - 1, 0))
        guard let tag = read.range(of: "{{", options: .backwards) else { return stopped }
        return read[..<tag.lowerBound].utf8.count { $0 == 0x0A } + 1
    }

    static func problem(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than the one it was opened with"
        case .unfinishedName: "a tag is not finished: each {{ needs its }}"
        case .expectedSectionEnd: "a section is opened and not closed: each {{#name}} or {{^name}} needs its {{/name}}"
        default: "the text cannot be read as a Mustache template (\(error))"
        }
    }
}
