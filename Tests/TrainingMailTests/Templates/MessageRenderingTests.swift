import Testing
import TrainingCore
@testable import TrainingMail

@Suite("Message rendering: escaping, the HTML layout and refusals")
struct MessageRenderingTests {
    static let renderer = MessageRenderer()

    static func facts(agency: String = "O'Brien & Co") -> MessageFacts {
        var facts = MessageFacts(partnershipName: "Kirklees <Safeguarding> Partnership", recipientName: "Siân")
        facts.agencyName = agency
        facts.manageLink = "https://training.example.org/my/a&b"
        return facts
    }

    @Test func textIsAsWrittenAndHTMLIsEscapedOnce() throws {
        let template = MessageTemplate(subject: "For {{agencyName}}", body: "Agency: {{agencyName}}\nTriple: {{{agencyName}}}")
        let message = try Self.renderer.render(template, facts: Self.facts())
        #expect(message.subject == "For O'Brien & Co")
        #expect(message.text == "Agency: O'Brien & Co\nTriple: O'Brien & Co\n")
        #expect(message.html.contains("Agency: O&#39;Brien &amp; Co<br>\nTriple: O&#39;Brien &amp; Co</p>"))
        #expect(!message.html.contains("&amp;amp;"))
        #expect(message.html.contains(">Kirklees &lt;Safeguarding&gt; Partnership</p>"))
        #expect(message.html.contains("<title>For O&#39;Brien &amp; Co</title>"))
    }

    @Test func theSubjectIsOneLine() throws {
        let template = MessageTemplate(subject: "Hello\n  {{recipientName}}\n\n", body: "x")
        #expect(try Self.renderer.render(template, facts: Self.facts()).subject == "Hello Siân")
    }

    @Test func blocksBecomeParagraphsDashLinesAListAndAddressesLinks() throws {
        let template = MessageTemplate(subject: "s", body: """
            First line
            second line

            - one
            - two, see https://example.org/a?b=1&c=2.

            Link: {{manageLink}}
            """)
        let html = try Self.renderer.render(template, facts: Self.facts()).html
        #expect(html.contains(">First line<br>\nsecond line</p>"))
        #expect(html.contains(">\n<li style=\"margin-bottom:5px;\">one</li>\n<li style=\"margin-bottom:5px;\">two, see "
                              + "<a href=\"https://example.org/a?b=1&amp;c=2\" style=\"color:#1d70b8;\">https://example.org/a?b=1&amp;c=2</a>.</li>\n</ul>"))
        #expect(html.contains(">Link: <a href=\"https://training.example.org/my/a&amp;b\" style=\"color:#1d70b8;\">"))
        #expect(!html.contains("<img"))
    }

    @Test func blankLinesLeftByMissingFactsAreClosedUp() throws {
        let template = MessageTemplate(subject: "s", body: "A  \n{{#venue}}\nVenue: {{venue}}\n{{/venue}}\n\n\n\nB\n\n")
        #expect(try Self.renderer.render(template, facts: Self.facts()).text == "A\n\nB\n")
    }

    @Test func aSyntaxErrorIsRefusedNamingThePartAndLine() {
        #expect(throws: MessageTemplateError.syntax(part: .body, line: 3,
                                                     problem: "a section is closed with another name than the one it was opened with")) {
            try MessageTemplates.check(MessageTemplate(subject: "s", body: "Dear {{recipientName}},\n\n{{#venue}}Venue{{/courseTitle}}\n"))
        }
        #expect(throws: MessageTemplateError.self) {
            try MessageTemplates.check(MessageTemplate(subject: "Place {{#venue}}", body: "b"))
        }
        do {
            try MessageTemplates.check(MessageTemplate(subject: "s", body: "one\ntwo {{venue\nthree"))
            Issue.record("an unfinished tag was accepted")
        } catch {
            guard case .syntax(.body, let line, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 2)
        }
    }

    @Test func aSectionLeftOpenIsNamedByTheLineItOpensOn() {
        #expect(throws: MessageTemplateError.syntax(part: .body, line: 2, problem: "a section is opened and not closed: each {{#name}} or {{^name}} needs its {{/name}}")) {
            try MessageTemplates.check(MessageTemplate(subject: "s", body: "Dear {{recipientName}},\r\n{{#venue}}\r\nVenue: {{venue}}\r\n\r\nBye"))
        }
    }

    @Test func anUnknownFactIsRefusedWithItsName() {
        #expect(throws: MessageTemplateError.unknownFact(part: .body, line: 2, name: "sessionDay")) {
            try MessageTemplates.check(MessageTemplate(subject: "s", body: "Hello\nOn {{sessionDay}}"))
        }
        #expect(throws: MessageTemplateError.unknownFact(part: .subject, line: 1, name: "venu")) {
            try MessageTemplates.check(MessageTemplate(subject: "{{#venu}}x{{/venu}}", body: "b"))
        }
        #expect(throws: MessageTemplateError.unsupportedTag(part: .body, line: 1, tag: "{{> footer}}")) {
            try MessageTemplates.check(MessageTemplate(subject: "s", body: "{{> footer}}"))
        }
        #expect(throws: MessageTemplateError.unknownFact(part: .body, line: 1, name: "sessionDay")) {
            _ = try Self.renderer.render(MessageTemplate(subject: "s", body: "{{{sessionDay}}}"), facts: Self.facts())
        }
    }

    @Test func factsCommentsAndTheSectionValueAreAccepted() throws {
        try MessageTemplates.check(MessageTemplate(subject: "{{! a note }}{{courseTitle}}",
                                                   body: "{{#waitingListPosition}}Number {{.}}{{/waitingListPosition}}{{^joining}}x{{/joining}}{{&venue}}"))
        var facts = Self.facts()
        facts.waitingListPosition = 2
        let template = MessageTemplate(subject: "s", body: "{{#waitingListPosition}}Number {{.}}, {{waitingListPosition}}{{/waitingListPosition}}")
        #expect(try Self.renderer.render(template, facts: facts).text == "Number 2, 2\n")
    }
}
