import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Mustache
import NIOCore
import Testing
@testable import TrainingWeb

/// The site's templates and style sheet are files of the target's resource bundle, read once at start;
/// each template is named by its file name.
@Suite("Web resources")
struct WebResourceTests {
    /// A fresh folder of template files, given as paths within it and their text.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return folder
    }

    @Test func theSitesTemplatesLoadFromTheBuiltResources() throws {
        let names = try TemplateLoader.templateFiles(in: WebResources.templates).map(\.name)
        #expect(names.contains("layout") && names.contains("error") && names.contains("officer-start") && names.contains("svg-node"))
        #expect(try TemplateLoader.library(from: WebResources.templates).getTemplate(named: "programme") != nil)
    }

    @Test func aTemplateIsNamedByItsFileWhicheverFolderItIsIn() throws {
        let library = try TemplateLoader.library(from: try folder(["shared/frame.mustache": "[{{$body}}{{/body}}]\n",
                                                                   "pages/hello.mustache": "{{<frame}}{{$body}}Hello {{name}}{{/body}}{{/frame}}\n"]))
        #expect(library.render(["name": "Sam"], withTemplate: "hello") == "[Hello Sam]")
    }

    @Test func aFilesFinalLineBreakIsNotPartOfItsTemplate() throws {
        let library = try TemplateLoader.library(from: try folder(["one.mustache": "a\n", "two.mustache": "b\n\n", "three.mustache": "c"]))
        #expect(library.render([String: String](), withTemplate: "one") == "a")
        #expect(library.render([String: String](), withTemplate: "two") == "b\n")
        #expect(library.render([String: String](), withTemplate: "three") == "c")
    }

    @Test func twoFilesOfOneNameAreAnErrorNotTheFirstOfThem() throws {
        let root = try folder(["booker/page.mustache": "a", "officer/page.mustache": "b", "other.mustache": "c"])
        #expect(throws: WebResourceError.nameClash(name: "page", files: [root.appendingPathComponent("booker/page.mustache").path,
                                                                         root.appendingPathComponent("officer/page.mustache").path])) {
            try TemplateLoader.library(from: root)
        }
    }

    @Test func aMissingFolderIsAnErrorThatNamesIt() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-templates-\(UUID().uuidString)")
        let error = #expect(throws: WebResourceError.self) { try TemplateLoader.library(from: missing) }
        #expect(error == .folderMissing(path: missing.path))
        #expect(error?.description.contains(missing.path) == true)
    }

    @Test func aTemplateThatDoesNotParseIsAnErrorThatNamesItsFile() throws {
        let root = try folder(["broken.mustache": "{{#open}}never closed"])
        let error = #expect(throws: WebResourceError.self) { try TemplateLoader.library(from: root) }
        guard case .unusable(let file, _) = error else { Issue.record("not refused as unusable: \(String(describing: error))"); return }
        #expect(file == root.appendingPathComponent("broken.mustache").path)
    }

    @Test func theStyleSheetIsServedAsItsFileHoldsIt() async throws {
        let fixture = try WebFixture()
        let file = try Data(contentsOf: WebResources.styleSheet)
        try await fixture.withBrowser { browser in
            let response = try await browser.get("/static/app.css")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.headers[.cacheControl] == "public, max-age=3600")
            #expect(Array(response.body.readableBytesView) == [UInt8](file))
            #expect(String(buffer: response.body).hasPrefix("*, *::before, *::after { box-sizing: border-box; }"))
        }
    }

    @Test func aMissingFileIsAnErrorThatNamesIt() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).css")
        #expect(throws: WebResourceError.fileMissing(path: missing.path)) { try WebResources.contents(of: missing) }
    }
}
