import Foundation
import PDF
import TrainingCore
import TrainingStore

/// Certificates as a PDF (issue 22): one A4 landscape page per certificate, in the DejaVu fonts (embedded).
/// The same certificates give the same bytes: the document's date is the latest issue among them, and
/// everything drawn comes from the certificates' facts.
public enum CertificateDocument {
    /// The certificates, one a page, in the order given. There must be at least one.
    public static func pdf(_ certificates: [CertificateFacts]) throws -> Data {
        guard let latest = certificates.map(\.issuedAt).max() else { throw PDFError.invalidValue("a document needs at least one page") }
        let names = Set(certificates.map(\.learnerName))
        let title = certificates.count == 1 ? certificates.map { "Certificate: \($0.learnerName), \($0.courseTitle)" }.joined()
            : "Certificates" + (names.count == 1 ? ": \(names.joined())" : "")
        let document = try PDFDocument(pageSize: .a4Landscape, metadata: PDFMetadata(
            title: title, author: certificates.first?.partnershipName, subject: "Certificate of training", createdAt: latest))
        for certificate in certificates {
            try document.addPage { page in try CertificatePage(page: page, wording: CertificateWording(certificate)).draw() }
        }
        return try document.finish()
    }
}

/// One certificate drawn on one page.
struct CertificatePage {
    let page: PDFPage
    let wording: CertificateWording

    static let sans = "DejaVu Sans"
    static let serif = "DejaVu Serif"
    static let navy = Colour(hex: 0x1D4F91)
    static let grey = Colour(hex: 0x4A4A4A)
    /// The learning outcomes are set in the largest of these sizes that fits above the footer.
    static let outcomeSizes: [Double] = [11, 10, 9, 8, 7]

    var width: Double { page.size.width }
    var height: Double { page.size.height }

    func draw() throws {
        try page.stroke(Frame(x: 24, y: 24, width: width - 48, height: height - 48), lineWidth: 3, colour: Self.navy)
        try page.stroke(Frame(x: 32, y: 32, width: width - 64, height: height - 64), lineWidth: 0.75, colour: Self.navy)
        let margin = 72.0, textWidth = width - 2 * margin
        func centred(_ text: String, _ y: Double, family: String = Self.sans, size: Double, bold: Bool = false, colour: Colour = .black) throws -> Double {
            y + (try page.text(text, x: margin, y: y, width: textWidth,
                               style: TextStyle(family: family, size: size, bold: bold, colour: colour, alignment: .centre)))
        }
        var y = 58.0
        y = try centred(wording.partnershipName, y, size: 15, colour: Self.grey) + 14
        y = try centred(wording.heading, y, family: Self.serif, size: 32, bold: true, colour: Self.navy) + 22
        y = try centred("This is to certify that", y, size: 13) + 8
        y = try centred(wording.learnerName, y, family: Self.serif, size: 26, bold: true) + 8
        y = try centred(wording.statement, y, size: 13) + 8
        y = try centred(wording.courseTitle, y, size: 19, bold: true) + 12
        y = try centred(wording.details, y, size: 11.5) + 18
        let footerTop = height - 100
        try drawOutcomes(from: y, to: footerTop - 12)
        try page.line(from: (margin, footerTop), to: (width - margin, footerTop), lineWidth: 0.5, colour: Self.grey)
        _ = try centred(wording.verification, footerTop + 10, size: 9.5, colour: Self.grey)
    }

    /// The learning outcomes as a list in a column under the details, at the largest size that fits.
    func drawOutcomes(from top: Double, to bottom: Double) throws {
        guard !wording.outcomes.isEmpty else { return }
        let columnWidth = min(600, width - 160), x = (width - columnWidth) / 2
        let items = wording.outcomes.map { "•  \($0)" }
        var chosen = TextStyle(family: Self.sans, size: Self.outcomeSizes.last ?? 7)
        for size in Self.outcomeSizes {
            let style = TextStyle(family: Self.sans, size: size, lineSpacing: size * 0.15)
            let heading = try page.height(of: "Learning outcomes", width: columnWidth, style: style)
            let list = try items.reduce(0) { $0 + (try page.height(of: $1, width: columnWidth, style: style)) + size * 0.3 }
            chosen = style
            if top + heading + 4 + list <= bottom { break }
        }
        var y = top
        var heading = chosen
        heading.bold = true
        y += try page.text("Learning outcomes", x: x, y: y, width: columnWidth, style: heading) + 4
        for item in items {
            y += try page.text(item, x: x, y: y, width: columnWidth, style: chosen) + chosen.size * 0.3
        }
    }
}
