import Foundation
import Testing
@testable import PDF

@Suite("PDF documents through cairo and pango")
struct PDFDocumentTests {
    static let regular = TextStyle(family: "DejaVu Sans", size: 12)
    static let created = Date(timeIntervalSince1970: 1_762_160_400)

    /// A document of two pages, with a title, a wrapped paragraph and a frame.
    func twoPages(_ paragraph: String = "Zoë Ní Bhriain — a paragraph long enough to wrap onto a second line of its block.") throws -> Data {
        let document = try PDFDocument(pageSize: .a4Landscape, metadata: PDFMetadata(title: "Two pages", author: "Tests", createdAt: Self.created))
        try document.addPage { page in
            try page.stroke(Frame(x: 20, y: 20, width: page.size.width - 40, height: page.size.height - 40), lineWidth: 2, colour: Colour(hex: 0x1D4F91))
            try page.text("First page", x: 40, y: 40, width: 400, style: TextStyle(family: "DejaVu Sans", size: 24, bold: true, alignment: .centre))
            try page.text(paragraph, x: 40, y: 100, width: 200, style: Self.regular)
        }
        try document.addPage { page in
            try page.text("Second page", x: 40, y: 40, width: 400, style: Self.regular)
            try page.line(from: (40, 80), to: (440, 80), lineWidth: 1, colour: .black)
        }
        return try document.finish()
    }

    @Test func aDocumentIsAPDFFromItsHeaderToItsEndOfFileMarker() throws {
        let data = try twoPages()
        #expect(data.starts(with: Data("%PDF-".utf8)))
        let tail = String(decoding: data.suffix(8), as: UTF8.self)
        #expect(tail.contains("%%EOF"))
    }

    @Test func theSamePagesGiveTheSameBytes() throws {
        #expect(try twoPages() == twoPages())
    }

    @Test func theCreationDateIsTheOneGivenNotTheTimeOfWriting() throws {
        let text = String(decoding: try twoPages(), as: UTF8.self)
        #expect(text.contains("/CreationDate (20251103090000Z)"))
    }

    @Test func theFontIsEmbeddedAsASubset() throws {
        let text = String(decoding: try twoPages(), as: UTF8.self)
        #expect(text.contains("/FontFile2"))
        #expect(text.range(of: #"/FontName /[A-Z]{6}\+DejaVuSans"#, options: .regularExpression) != nil)
    }

    @Test func wrappedTextIsTallerThanOneLine() throws {
        let document = try PDFDocument(pageSize: .a4Portrait, metadata: PDFMetadata(createdAt: Self.created))
        try document.addPage { page in
            let one = try page.height(of: "One line", width: 400, style: Self.regular)
            let wrapped = try page.height(of: String(repeating: "word ", count: 60), width: 200, style: Self.regular)
            #expect(one > 10 && one < 20)
            #expect(wrapped > one * 5)
        }
    }

    @Test func aFontThatIsNotInstalledIsRefusedNamingIt() throws {
        let document = try PDFDocument(pageSize: .a4Portrait, metadata: PDFMetadata(createdAt: Self.created))
        #expect(throws: PDFError.self) {
            try document.addPage { page in try page.text("x", x: 0, y: 0, width: 100, style: TextStyle(family: "No Such Font Family", size: 12)) }
        }
        #expect(throws: PDFError.alreadyFinished) { try document.finish() }
    }

    @Test func aDocumentWithNoPagesIsRefused() throws {
        let document = try PDFDocument(pageSize: .a4Portrait, metadata: PDFMetadata(createdAt: Self.created))
        #expect(throws: PDFError.invalidValue("a document needs at least one page")) { try document.finish() }
    }

    @Test(arguments: [Double.nan, .infinity, 0, -5])
    func aSizeThatIsNotAPositiveNumberIsRefused(size: Double) throws {
        let document = try PDFDocument(pageSize: .a4Portrait, metadata: PDFMetadata(createdAt: Self.created))
        #expect(throws: PDFError.self) {
            try document.addPage { page in try page.text("x", x: 0, y: 0, width: 100, style: Self.regular.sized(size)) }
        }
    }

    @Test func controlCharactersAreDrawnAsSpaces() throws {
        #expect(PDFDocument.plainText("a\u{0}b\u{1B}c\nd\te") == "a b c\nd\te")
        #expect(try twoPages("before\u{0}after").starts(with: Data("%PDF-".utf8)))
    }

    @Test func aPageKeptAfterItsCallDrawsNothing() throws {
        let document = try PDFDocument(pageSize: .a4Portrait, metadata: PDFMetadata(createdAt: Self.created))
        var kept: PDFPage?
        try document.addPage { kept = $0 }
        let page = try #require(kept)
        #expect(throws: PDFError.pageClosed(page: 1)) { try page.text("late", x: 0, y: 0, width: 100, style: Self.regular) }
    }
}
