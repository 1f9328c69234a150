import Foundation
import Testing
import TrainingCore
@testable import TrainingWeb

/// The web words the store's refusals itself: a value named by a `NamedInput` is its form field and label,
/// never a command-line option.
@Suite("Refusals on form fields")
struct FieldErrorTests {
    @Test func everyValueAFormGivesIsAControlOfSomeTemplate() throws {
        let files = try TemplateLoader.templateFiles(in: WebResources.templates)
        let templates = try files.map { try String(contentsOf: $0.file, encoding: .utf8) }.joined()
        for input in NamedInput.allCases {
            guard let field = input.formField else { continue }
            #expect(templates.contains(#"name="\#(field.name)""#), "\(input) is given by no control named \(field.name)")
        }
    }

    @Test func aRefusalGoesBesideTheFieldOfTheValueItNamesWhenTheFormHasIt() throws {
        let refusal = InputError("the contract ends before it starts", at: InputLocation(input: .endsOn))
        let placed = try #require(fieldErrors(refusal, field: "count", among: ["count", "to"]))
        #expect(placed.map(\.field) == ["to"] && placed.map(\.message) == ["the contract ends before it starts"])
        #expect(fieldErrors(refusal, field: "count")?.map(\.field) == ["count"])
        #expect(fieldErrors(InputError("too long", at: InputLocation(input: .cutoff)), field: "course", among: ["start"])?.map(\.field) == ["course"])
    }

    @Test func aRefusalNamingAFormsOwnFieldGoesBesideIt() throws {
        let refusal = InputError("a learner needs a name", at: InputLocation(field: "name"))
        #expect(fieldErrors(refusal, field: "email", among: ["name"])?.map(\.field) == ["name"])
        #expect(fieldErrors(InputError("no", at: InputLocation(field: "job_role")), field: "email", among: ["name"])?.map(\.field) == ["email"])
    }

    @Test func aListOfProblemsNamesEachValueByItsLabel() throws {
        let problems = InputProblems([InputError("the contract ends before it starts", at: InputLocation(input: .endsOn)),
                                      InputError("no such module", at: InputLocation(file: "usage.csv", line: 3))])
        let placed = try #require(fieldErrors(problems, field: "file", among: ["to"]))
        #expect(placed.map(\.field) == ["to", "file"])
        #expect(placed.map(\.message) == ["Last day of the contract: the contract ends before it starts", "usage.csv, line 3: no such module"])
    }

    @Test func anyOtherErrorIsNoProblemOfTheForm() {
        #expect(fieldErrors(CocoaError(.fileNoSuchFile), field: "file") == nil)
    }

    @Test func aSupplierThatCannotBeStoredIsShownBesideTheSupplier() async throws {
        let fixture = try WebFixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn("officer@partnership.example")
            try await browser.get("/officer/licences/buy")
            let response = try await browser.post("/officer/licences/buy", [("count", "5"), ("from", "2026-04-01"), ("to", "2027-03-31"),
                                                                             ("supplier", "Virtual\u{7}College")])
            let page = Browser.text(response)
            #expect(response.status == .unprocessableContent)
            #expect(page.contains(#"<p class="error-message" id="supplier-error">"#) && page.contains(##"<a href="#supplier">"##))
        }
    }
}
