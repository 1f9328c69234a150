import Foundation
import GRDB
import Testing
import TrainingCore
import TrainingStore

/// What an importer must do with a file: import it just as it imports the good file, or refuse it with one
/// message naming the file, the line (when the file has lines at all) and the reason, writing nothing.
enum ImportOutcome: Sendable, Equatable {
    case imported
    case refused(line: Int?, reason: String)
}

/// A broken, hostile or merely awkward file, made from an importer's good file.
enum BadFile: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// The good file itself: it quotes values holding commas and, where text is free, line breaks.
    case asWritten
    case byteOrderMark
    case crlfLineEnds
    /// As Excel on Windows saves "CSV": ’ is byte 0x92, ë 0xEB.
    case windows1252
    /// As Excel saves "Unicode Text": UTF-16, little-endian, with its byte-order mark.
    case utf16
    /// Byte 0x81, which neither UTF-8 nor Windows-1252 gives a meaning, at the end of line 2.
    case undefinedByte
    /// The good file in UTF-8 with a Windows-1252 £ (byte 0xA3) at the end of line 2.
    case mixedEncodings
    case missingField
    case extraField
    case missingColumn
    case extraColumn
    /// A quote opened at the start of the last line and never closed.
    case unclosedQuote
    case hundredMegabyteLine
    case empty
    /// Nothing but a UTF-8 byte-order mark and a blank line, as an editor saves an empty document.
    case onlyAByteOrderMark
    /// A NUL byte at the end of line 3.
    case nulByte
    /// A PNG image's first bytes: its signature and the start of its header chunk.
    case pngImage
    /// A zip's first bytes, as an .xlsx workbook renamed to .csv starts.
    case zipArchive

    var testDescription: String { rawValue }

    /// What the importer must do with this file.
    func outcome(_ importer: Importer) -> ImportOutcome {
        let notText = "this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)"
        switch self {
        case .asWritten, .byteOrderMark, .crlfLineEnds, .windows1252, .utf16: return .imported
        case .undefinedByte:
            return .refused(line: 2, reason: "the file is neither UTF-8 nor Windows-1252 text (byte 0x81 has no meaning); save it as CSV UTF-8")
        case .mixedEncodings:
            return .refused(line: 2, reason: "the file mixes UTF-8 with Windows-1252 text (as when two exports are pasted together): this line is not UTF-8")
        case .missingField, .extraField, .missingColumn, .extraColumn, .unclosedQuote: return importer.structural(self).outcome
        case .hundredMegabyteLine:
            return .refused(line: importer.lineCount + 1, reason: "this line is longer than 1 MB, the most accepted for one line (is this the right file?)")
        case .empty, .onlyAByteOrderMark: return .refused(line: nil, reason: importer.emptyFileReason)
        case .nulByte: return .refused(line: 3, reason: notText)
        case .pngImage: return .refused(line: 3, reason: notText)
        case .zipArchive: return .refused(line: 1, reason: notText)
        }
    }

    /// Writes this file, made from the importer's good file, to `url`.
    func write(_ importer: Importer, to url: URL) throws {
        let good = importer.good
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bytes: [UInt8]
        switch self {
        case .asWritten: bytes = Array(good.utf8)
        case .byteOrderMark: bytes = [0xEF, 0xBB, 0xBF] + Array(good.utf8)
        case .crlfLineEnds: bytes = Array(good.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        case .windows1252: bytes = try good.unicodeScalars.map(Self.windows1252)
        case .utf16: bytes = [0xFF, 0xFE] + good.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .undefinedByte, .mixedEncodings:
            lines[1] += "\u{1}"
            bytes = Array(lines.joined(separator: "\n").utf8).map { $0 == 0x01 ? (self == .undefinedByte ? 0x81 : 0xA3) : $0 }
        case .missingField, .extraField, .missingColumn, .extraColumn, .unclosedQuote:
            bytes = Array(importer.structural(self).text.utf8)
        case .hundredMegabyteLine:
            try Data(good.utf8).write(to: url)
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            let megabyte = Data(repeating: UInt8(ascii: "a"), count: 1_048_576)
            for _ in 0..<100 { try handle.write(contentsOf: megabyte) }
            return
        case .empty: bytes = []
        case .onlyAByteOrderMark: bytes = [0xEF, 0xBB, 0xBF, 0x0D, 0x0A]
        case .nulByte:
            lines[2] += "\u{1}"
            bytes = Array(lines.joined(separator: "\n").utf8).map { $0 == 0x01 ? 0x00 : $0 }
        case .pngImage: bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        case .zipArchive: bytes = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]
        }
        try Data(bytes).write(to: url)
    }

    /// The Windows-1252 byte of a character of the good files (all are ASCII, Latin-1 or ’).
    static func windows1252(_ scalar: Unicode.Scalar) throws -> UInt8 {
        if scalar == "’" { return 0x92 }
        guard scalar.value <= 0xFF, !(0x80...0x9F).contains(scalar.value) else { throw CocoaError(.fileWriteInapplicableStringEncoding) }
        return UInt8(scalar.value)
    }
}

/// One importer as a person runs it: the command, the file it is given (good, then made bad), any good files
/// beside it, what the database must hold after the good file, and what it must say of files wrong in their
/// structure (which depends on the file's format).
struct Importer: Sendable, CustomTestStringConvertible {
    let name: String
    /// The file made bad, as written on the command line, relative to the workspace.
    let file: String
    let arguments: [String]
    let otherFiles: [String: String]
    /// Ends with a line end; line 2 holds no quotes and the last line is a record of its own.
    let good: String
    let emptyFileReason: String
    /// One text column; its rows after importing the good file must be `stored`.
    let query: String
    let stored: [String]
    let structuralFiles: [BadFile: String]
    let structuralOutcomes: [BadFile: ImportOutcome]
    /// Prepares the database the import needs (agencies, learners, sessions, licences), through the store.
    let setUp: @Sendable (AppDatabase, FixedClock) throws -> Void

    var testDescription: String { name }
    var lineCount: Int { good.split(separator: "\n", omittingEmptySubsequences: false).count - 1 }

    func structural(_ file: BadFile) -> (text: String, outcome: ImportOutcome) {
        (structuralFiles[file]!, structuralOutcomes[file]!)
    }
}

extension Importer {
    /// A CSV importer: the good file from its rows (the header first), and the structural files from them.
    /// `required` is a column the importer cannot do without; `extraColumnOutcome` is what it does with a
    /// column it does not know (nil: refuses it).
    init(csv name: String, file: String, arguments: [String], otherFiles: [String: String] = [:], rows: [[String]],
         required: String, extraColumnOutcome: ImportOutcome? = nil, query: String, stored: [String],
         setUp: @escaping @Sendable (AppDatabase, FixedClock) throws -> Void) {
        func text(_ rows: [[String]]) -> String { rows.map(CSVDocument.line).joined(separator: "\n") + "\n" }
        let header = rows[0], fieldCount = header.count
        var lastLineOpened = text(rows).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lastLine = lastLineOpened.count - 1
        lastLineOpened[lastLine - 1] = "\"" + lastLineOpened[lastLine - 1]
        self.init(
            name: name, file: file, arguments: arguments, otherFiles: otherFiles, good: text(rows),
            emptyFileReason: "the file is empty: expected a header line naming the columns",
            query: query, stored: stored,
            structuralFiles: [
                .missingField: text([header, Array(rows[1].dropLast())] + rows.dropFirst(2)),
                .extraField: text([header, rows[1] + ["surplus"]] + rows.dropFirst(2)),
                .missingColumn: text([header.map { $0 == required ? "\(required)_old" : $0 }] + rows.dropFirst()),
                .extraColumn: text([header + ["colour"]] + rows.dropFirst().map { $0 + ["blue"] }),
                .unclosedQuote: lastLineOpened.joined(separator: "\n"),
            ],
            structuralOutcomes: [
                .missingField: .refused(line: 2, reason: "this line has \(fieldCount - 1) fields but the header has \(fieldCount)"),
                .extraField: .refused(line: 2, reason: "this line has \(fieldCount + 1) fields but the header has \(fieldCount)"),
                .missingColumn: .refused(line: 1, reason: "the header has no '\(required)' column"),
                .extraColumn: extraColumnOutcome ?? .refused(line: 1, reason: "unknown column 'colour'"),
                .unclosedQuote: .refused(line: lastLine, reason: "a quoted value opened here is never closed"),
            ],
            setUp: setUp)
    }
}

extension Importer {
    static let all = [catalogue, learners, history, usage, evaluations]
    static let threeLearners = [(name: "Sam Patel", email: "sam@c.example"), (name: "Zoë O’Brien", email: "zoe@c.example"),
                                (name: "Jo Bloggs", email: "jo@c.example")]

    static let catalogueFile = """
        courses:
          - title: Children’s Rights, an Introduction
            level: foundation
            delivery: face-to-face
            duration: 3h
            capacity: 20
            minimum: 6
            description: |
              What Zoë’s team learnt,
              in two lines.

        """

    static let catalogue = Importer(
        name: "catalogue", file: "Courses/rights.yaml", arguments: ["catalogue", "import", "Courses"], otherFiles: [:],
        good: catalogueFile, emptyFileReason: "the file is empty: expected a 'courses:' list",
        query: "SELECT title || ' | ' || level || ' | ' || durationMinutes || ' | ' || defaultCapacity || ' | ' || summary FROM course",
        stored: ["Children’s Rights, an Introduction | foundation | 180 | 20 | What Zoë’s team learnt,\nin two lines."],
        structuralFiles: [
            .missingField: catalogueFile.replacingOccurrences(of: "    capacity: 20\n", with: ""),
            .extraField: catalogueFile.replacingOccurrences(of: "    level:", with: "    colour: blue\n    level:"),
            .missingColumn: catalogueFile.replacingOccurrences(of: "courses:", with: "course:"),
            .extraColumn: catalogueFile + "colour: blue\n",
            .unclosedQuote: catalogueFile.replacingOccurrences(of: "title: Children’s", with: "title: \"Children’s"),
        ],
        structuralOutcomes: [
            .missingField: .refused(line: 2, reason: "the course has no 'capacity'"),
            .extraField: .refused(line: 3, reason: "unknown field 'colour'"),
            .missingColumn: .refused(line: 1, reason: "unknown key 'course' at the top of the file (only 'courses' is allowed)"),
            .extraColumn: .refused(line: 11, reason: "unknown key 'colour' at the top of the file (only 'courses' is allowed)"),
            .unclosedQuote: .refused(line: 2, reason: "this is not valid YAML: while scanning a quoted scalar: found unexpected end of stream"),
        ],
        setUp: { _, _ in })

    static let learners = Importer(
        csv: "learners", file: "staff.csv", arguments: ["learner", "import", "staff.csv"],
        rows: [["name", "email", "agency", "job_role"],
               ["Sam Patel", "sam@c.example", "Calderdale Council", "Social worker"],
               ["O’Brien, Zoë", "zoe@c.example", "Calderdale Council", "Nurse, health visiting"],
               ["Jo Bloggs", "jo@c.example", "Calderdale Council", ""]],
        required: "email",
        query: "SELECT name || ' | ' || email || ' | ' || ifnull(jobRole, '-') FROM learner ORDER BY id",
        stored: ["Sam Patel | sam@c.example | Social worker", "O’Brien, Zoë | zoe@c.example | Nurse, health visiting",
                 "Jo Bloggs | jo@c.example | -"],
        setUp: { database, _ in try addCalderdale([], to: database) })

    static let history = Importer(
        csv: "history", file: "sessions.csv",
        arguments: ["import", "history", "--sessions", "sessions.csv", "--bookings", "bookings.csv"],
        otherFiles: ["bookings.csv": """
            session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on
            2015-001,amy@council.example,Amy,Calderdale Council,Local Authority,2015-05-01,attended,
            2015-002,ben@example.org,Ben,,,2015-05-02,attended,

            """],
        rows: [["session_ref", "course", "level", "delivery", "start", "end", "venue", "capacity", "status", "cancel_reason"],
               ["2015-001", "Introduction to Safeguarding", "foundation", "face-to-face", "10/06/2015", "", "Halifax", "20", "delivered", ""],
               ["2015-002", "Children’s Rights", "foundation", "face-to-face", "2015-07-10T09:30", "2015-07-10T12:30",
                "Zoë’s Centre, Room 2\nKing Cross Road", "20", "delivered", ""],
               ["2015-003", "Introduction to Safeguarding", "foundation", "face-to-face", "2015-09-01", "", "Halifax", "20", "cancelled", "low-numbers"]],
        required: "venue",
        query: "SELECT reference || ' | ' || ifnull(venue, '-') || ' | ' || status FROM session ORDER BY reference",
        stored: ["2015-001 | Halifax | delivered", "2015-002 | Zoë’s Centre, Room 2\nKing Cross Road | delivered", "2015-003 | Halifax | cancelled"],
        setUp: { _, _ in })

    static let usage = Importer(
        csv: "licence usage", file: "progress.csv", arguments: ["licences", "import-usage", "progress.csv"],
        rows: [["email", "module", "started_on", "completed_on", "score"],
               ["sam@c.example", "FGM Awareness", "04/11/2025", "2025-11-05", "90"],
               ["zoe@c.example", "Children’s Rights, an Introduction", "2025-11-04", "", "55,5"],
               ["jo@c.example", "FGM Awareness", "2025-11-06", "", ""]],
        required: "email", extraColumnOutcome: .imported,
        query: """
            SELECT l.email || ' | ' || c.title || ' | ' || a.status || ' | ' || ifnull(a.startedOn, '-') || ' | ' || ifnull(a.completedOn, '-')
            FROM licenceAllocation a JOIN learner l ON l.id = a.learnerId JOIN course c ON c.id = a.courseId ORDER BY a.id
            """,
        stored: ["sam@c.example | FGM Awareness | completed | 2025-11-04 | 2025-11-05",
                 "zoe@c.example | Children’s Rights, an Introduction | started | 2025-11-04 | -",
                 "jo@c.example | FGM Awareness | started | 2025-11-06 | -"],
        setUp: { database, _ in
            try database.importCatalogue(["FGM Awareness", "Children’s Rights, an Introduction"].map { title in
                CatalogueEntry(definition: CourseDefinition(title: title, level: .foundation, delivery: .eLearning,
                                                            duration: CourseDuration(minutes: 60)!, capacity: 1, minimumNumbers: 0),
                               file: "test", line: 1)
            }, by: "officer")
            try addCalderdale(threeLearners, to: database)
            try database.buyLicences(count: 10, from: LocalDate(year: 2025, month: 4, day: 1)!, to: LocalDate(year: 2026, month: 3, day: 31)!,
                                     supplier: nil, note: nil, by: "officer")
            _ = try database.allocateLicences(module: "FGM Awareness", to: ["sam@c.example"], by: "officer")
            _ = try database.allocateLicences(module: "Children’s Rights, an Introduction", to: ["zoe@c.example"], by: "officer")
            _ = try database.allocateLicences(module: "FGM Awareness", to: ["jo@c.example"], by: "officer")
        })

    static let evaluations = Importer(
        csv: "evaluations", file: "evaluations.csv", arguments: ["import", "evaluations", "evaluations.csv"],
        rows: [["session_ref", "learner_email", "submitted_on", "satisfaction", "knowledge", "confidence_before", "confidence_after",
                "best_part", "practice_change", "improve"],
               ["1", "sam@c.example", "2025-11-17", "5", "a lot", "4", "8", "The case studies", "Ask sooner", "More time"],
               ["1", "zoe@c.example", "2025-11-18", "4", "a little", "", "", "Hearing from the police, and the school nurse\nabout neglect",
                "Zoë’s checklist, every visit", ""],
               ["1", "jo@c.example", "2025-11-19", "3", "not at all", "", "", "", "", ""]],
        required: "satisfaction",
        query: """
            SELECT l.email || ' | ' || e.satisfaction || ' | ' || e.knowledge || ' | ' || ifnull(e.bestPart, '-') || ' | ' || ifnull(e.practiceChange, '-')
            FROM evaluation e JOIN booking b ON b.id = e.bookingId JOIN learner l ON l.id = b.learnerId ORDER BY e.id
            """,
        stored: ["sam@c.example | 5 | a-lot | The case studies | Ask sooner",
                 "zoe@c.example | 4 | a-little | Hearing from the police, and the school nurse\nabout neglect | Zoë’s checklist, every visit",
                 "jo@c.example | 3 | not-at-all | - | -"],
        setUp: { database, clock in _ = try deliveredSession(in: database, clock: clock, present: threeLearners) })
}

@Suite("Bad files given to every importer")
struct BadFileCLITests {
    /// The rows of the importer's query, read straight from the database file.
    func stored(_ importer: Importer, in workspace: Workspace) throws -> [String] {
        let queue = try DatabaseQueue(path: workspace.database)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: importer.query) }
    }

    /// Whether one line of `errors` names the file, then the line (when given; not a longer number), then
    /// the reason.
    func oneLine(of errors: String, names file: String, line: Int?, reason: String) -> Bool {
        let place = line.map { "\(file), line \($0)" } ?? file
        return errors.split(separator: "\n").contains { message in
            guard let end = message.range(of: place)?.upperBound else { return false }
            let rest = message[end...]
            return (rest.hasPrefix(": ") || rest.hasPrefix(", field ")) && rest.contains(reason)
        }
    }

    /// The database the import needs, prepared through the store on a clock standing on 3 November 2025.
    func prepare(_ importer: Importer, in workspace: Workspace) throws {
        let clock = FixedClock(try LondonTime.parse("2025-11-03 09:00"))
        try importer.setUp(try AppDatabase.open(path: workspace.database, create: true, now: clock.now), clock)
    }

    @Test(arguments: Importer.all, BadFile.allCases)
    func eachFileIsImportedCorrectlyOrRefusedNamingFileLineAndReasonWritingNothing(importer: Importer, file: BadFile) throws {
        let workspace = Workspace()
        try prepare(importer, in: workspace)
        for (name, contents) in importer.otherFiles { try workspace.write(name, contents) }
        try file.write(importer, to: workspace.folder.appendingPathComponent(importer.file))
        let before = try workspace.snapshot()

        let result = try workspace.run(importer.arguments)

        switch file.outcome(importer) {
        case .imported:
            #expect(result.status == 0, "\(result.errors)")
            #expect(try stored(importer, in: workspace) == importer.stored)
        case .refused(let line, let reason):
            #expect(result.status == 1)
            #expect(oneLine(of: result.errors, names: importer.file, line: line, reason: reason), "\(result.errors)")
            #expect(try workspace.snapshot() == before)
        }
    }
}
