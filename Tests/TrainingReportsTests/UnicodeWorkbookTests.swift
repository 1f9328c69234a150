import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import Testing
import TrainingCore
@testable import TrainingStore
@testable import TrainingReports
import ZIPFoundation

/// Text drawn from the whole of Unicode: every plane, with controls, noncharacters, combining marks,
/// emoji and right-to-left script always among it, the rest at random from a fixed seed.
private func unicodeText(seed: UInt64, length: Int = 300) -> String {
    var state = seed
    func next() -> UInt64 {  // SplitMix64: the same text for the same seed on every machine.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var scalars = String.UnicodeScalarView()
    for value: UInt32 in [0x1, 0x9, 0xA, 0xD, 0x1F, 0x7F, 0xFDD0, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x301, 0x1F1EC, 0x1F1E7, 0x627, 0x5D0, 0x202E] {
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    while scalars.count < length {  // never a NUL: GRDB binds text up to the first one
        if let scalar = Unicode.Scalar(UInt32(next() % 0x110000)), scalar.value != 0 { scalars.append(scalar) }
    }
    return String(scalars)
}

/// Every XML part of a written workbook parses.
private func unparsableParts(of path: String) throws -> [String] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    var bad: [String] = []
    for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        if !XMLParser(data: data).parse() { bad.append(entry.path) }
    }
    return bad
}

/// Issue 16, finding 5: whatever text the database holds — old rows written before the stored-text rule
/// included — every workbook the program writes is valid XML.
@Suite("Workbooks hold any text")
struct UnicodeWorkbookTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyWorkbookStaysValidXMLForTextFromTheWholeOfUnicode(_ seed: UInt64) throws {
        let database = try smallPartnership()
        let text = unicodeText(seed: seed)
        // Written past the store's rules, as rows from before them would be.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE learner SET name = ?, jobRole = ? WHERE email = 'amy@council.example'", arguments: ["Amy " + text, text])
            try db.execute(sql: "UPDATE agency SET name = ? WHERE name = 'Calderdale NHS'", arguments: ["NHS " + text])
            try db.execute(sql: "UPDATE course SET title = ?, summary = ? WHERE title = 'Toxic Trio'", arguments: ["Trio " + text, text])
            try db.execute(sql: "UPDATE session SET venue = ?", arguments: ["Hall " + text])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unicode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let year = FinancialYear(startYear: 2015)
        var paths = [
            try BoardWorkbook.write(year: year, from: database, into: folder.path),
            try BoardWorkbook.writeQuarterly(quarter: #require(Quarter(year: year, number: 1)), from: database, into: folder.path),
            try AgencyWorkbook.write(agencyName: "NHS " + text, year: year, from: database, into: folder.path),
            try BookingExport.write(year: FinancialYear(startYear: 2014), through: year, from: database, into: folder.path).path,
        ]
        let access = folder.appendingPathComponent("amy.xlsx").path
        try SubjectAccessWorkbook.write(try database.subjectAccess(email: "amy@council.example"), partnershipName: "Calderdale " + text,
                                        to: access)
        paths.append(access)
        for path in paths {
            #expect(try unparsableParts(of: path) == [], "\(URL(fileURLWithPath: path).lastPathComponent)")
        }
    }
}
