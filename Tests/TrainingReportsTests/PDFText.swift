import Foundation
import Testing

/// The text of a PDF as Debian's `pdftotext` (poppler-utils) reads it, pages separated by form feeds. A
/// machine without it fails the test that asks, saying how to install it: these tests are never skipped.
enum PDFText {
    static let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]

    struct Missing: Error, CustomStringConvertible {
        var description: String { "pdftotext is not installed: run scripts/install-test-tools (it installs poppler-utils)" }
    }

    static func of(_ pdf: Data) throws -> String {
        guard let tool = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            Issue.record(Comment(rawValue: Missing().description))
            throw Missing()
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext could not read the PDF")
        return try String(contentsOf: output, encoding: .utf8)
    }
}
