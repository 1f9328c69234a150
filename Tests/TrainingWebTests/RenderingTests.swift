import Foundation
import Mustache
import Testing
@testable import TrainingWeb

/// Rendering made cheaper without changing a byte: the site's own HTML escaping, and the content of a
/// self-contained page rendered once for each of its values.
@Suite("Rendering pages")
struct RenderingTests {
    /// Texts with each escaped character, none, characters outside ASCII, and a character whose first
    /// scalar is `<` with a combining mark (one character, not `<`, so left as it is).
    static let texts = ["", "Sam Patel", "Tom & Jerry's <b>\"best\"</b>", "a &amp; b", "Zoë → café", "1 < 2 > 0",
                        "<\u{338}", "quote \" and ' apostrophe", "👩🏽‍⚕️ & 👨‍👩‍👧"]

    @Test(arguments: texts)
    func theSitesEscapingIsSwiftMustachesOwn(_ text: String) throws {
        let own = try MustacheTemplate(string: "{{text}}").render(["text": text])
        #expect(try TemplateLoader.template("{{text}}").render(["text": text]) == own)
    }

    @Test func theEscapingPragmaAddsNothingToAPage() throws {
        let template = try TemplateLoader.template("{{! a comment on its own line }}\n<p>{{text}}</p>\n")
        #expect(template.render(["text": "x"]) == "<p>x</p>\n")
    }

    /// A programme with the fixture's session, a chosen level and month.
    static func programme() throws -> ProgrammePage {
        let sessions = try WebFixture().database.upcomingSessions(after: Date()).map(ProgrammePage.Session.init)
        return ProgrammePage(levels: SelectOption.list(["foundation", "intermediate"], selected: "foundation"),
                             courses: SelectOption.list(["Introduction to Safeguarding", "Toxic Trio"], selected: nil, words: false),
                             months: [SelectOption(value: "2026-03", label: "March 2026", selected: true)], sessions: sessions, none: sessions.isEmpty)
    }

    @Test func aSelfContainedPagesContentRenderedAloneIsThePageRenderedWhole() throws {
        let pages = try Pages()
        let programme = try Self.programme()
        func layout<Page: Encodable & Sendable>(_ page: Page) -> LayoutContext<Page> {
            LayoutContext(title: "Training programme", partnership: "Calderdale", csrf: "token", user: SignedInPerson(name: "Pat", email: "pat@nhs.example"),
                          hasNav: true, nav: Pages.navigation(for: .booker), flash: "Booked.", page: page)
        }
        let whole = pages.library.render(layout(programme), withTemplate: "programme")
        let content = pages.content("programme", programme)
        #expect(whole?.contains("Halifax Town Hall") == true)
        #expect(pages.library.render(layout(RenderedContent(html: content)), withTemplate: RenderedContent.name) == whole)
    }

    @Test func aContentIsRenderedOnceForEachOfItsValues() throws {
        let contents = RenderedContents()
        let programme = try Self.programme()
        var renders = 0
        let render = { () -> String in renders += 1; return "html \(renders)" }
        var other = programme
        other.none.toggle()
        #expect(contents.content(of: "programme", programme, render: render) == "html 1")
        #expect(contents.content(of: "programme", programme, render: render) == "html 1")
        #expect(contents.content(of: "programme", other, render: render) == "html 2")
        #expect(contents.content(of: "other-template", programme, render: render) == "html 3")
        #expect(renders == 3)
    }
}
