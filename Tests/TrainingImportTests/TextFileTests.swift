import Foundation
import Testing
import TrainingCore
@testable import TrainingImport

@Suite("Text files from people")
struct TextFileTests {
    @Test func utf8WithAByteOrderMarkIsReadWithoutIt() throws {
        let text = try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("name,fee\nÉmile,£50\n".utf8)), file: "a.csv")
        #expect(text == "name,fee\nÉmile,£50\n")
    }

    @Test func windows1252FromExcelIsConverted() throws {
        // "Zoë,£50 – paid" as Excel on Windows saves it: ë = EB, £ = A3, en dash = 96.
        let bytes: [UInt8] = Array("Zo".utf8) + [0xEB] + Array(",".utf8) + [0xA3] + Array("50 ".utf8) + [0x96] + Array(" paid".utf8)
        #expect(try TextFile.decode(Data(bytes), file: "a.csv") == "Zoë,£50 – paid")
    }

    @Test func aBinaryFileIsRefusedWithTheLineOfItsFirstNulByte() {
        let bytes: [UInt8] = Array("PK\n\n".utf8) + [0x00, 0x01]
        #expect(throws: InputError("this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)",
                                   at: InputLocation(file: "staff.xlsx", line: 3))) {
            try TextFile.decode(Data(bytes), file: "staff.xlsx")
        }
    }

    @Test func aFileMixingUTF8AndWindows1252IsRefusedAtTheFirstLineThatIsNotUTF8() {
        // Line 2 is UTF-8 (ë = C3 AB); line 3 was pasted from an Excel export (£ = A3).
        let bytes: [UInt8] = Array("name,fee\nZoë,£50\nSam,".utf8) + [0xA3] + Array("40\n".utf8)
        #expect(throws: InputError("the file mixes UTF-8 with Windows-1252 text (as when two exports are pasted together): this line is not UTF-8; save the whole file as CSV UTF-8",
                                   at: InputLocation(file: "fees.csv", line: 3))) {
            try TextFile.decode(Data(bytes), file: "fees.csv")
        }
    }

    @Test func utf16WithItsByteOrderMarkIsConverted() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + "name\nZoë".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try TextFile.decode(Data(bytes), file: "a.csv") == "name\nZoë")
    }

    @Test func aControlCharacterOtherThanTabAndLineEndsMarksABinaryFile() {
        // A PNG's signature holds no NUL byte but does hold 0x1A (Ctrl-Z), after its CR LF: on line 2.
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        #expect(throws: InputError("this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)",
                                   at: InputLocation(file: "logo.png", line: 2))) {
            try TextFile.decode(Data(bytes), file: "logo.png")
        }
    }

    @Test func aLineLongerThanAMegabyteIsRefusedAtItsLine() {
        let bytes = Array("name\nSam\n".utf8) + [UInt8](repeating: 0x61, count: TextFile.maximumLineLength + 1)
        #expect(throws: InputError("this line is longer than 1 MB, the most accepted for one line (is this the right file?)",
                                   at: InputLocation(file: "a.csv", line: 3))) {
            try TextFile.decode(Data(bytes), file: "a.csv")
        }
    }

    @Test func aFileOfShortLinesEndedByCROnlyIsNotTakenForOneLongLine() throws {
        let line = String(repeating: "a", count: 99) + "\r"
        let text = String(repeating: line, count: TextFile.maximumLineLength / 50)
        #expect(try TextFile.decode(Data(text.utf8), file: "mac.csv") == text)
    }

    @Test func bytesThatAreNeitherUTF8NorWindows1252AreRefused() {
        let bytes: [UInt8] = Array("a\nb".utf8) + [0x81]
        #expect(throws: InputError("the file is neither UTF-8 nor Windows-1252 text (byte 0x81 has no meaning); save it as CSV UTF-8",
                                   at: InputLocation(file: "a.csv", line: 2))) {
            try TextFile.decode(Data(bytes), file: "a.csv")
        }
    }

    @Test func aDeviceIsRefusedRatherThanReadForever() {
        #expect(throws: InputError("this is not a file of data but a device, a pipe or a socket", at: InputLocation(file: "/dev/zero"))) {
            try TextFile.read(URL(fileURLWithPath: "/dev/zero"))
        }
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: InputError("cannot read the file: no such file", at: InputLocation(file: "missing.csv"))) {
            try TextFile.read(URL(fileURLWithPath: "/nonexistent/missing.csv"), displayName: "missing.csv")
        }
    }
}

@Suite("Staff list files")
struct LearnerFileTests {
    @Test func learnersAreReadWithTheirLines() throws {
        let learners = try LearnerFile.parse("""
            name,email,agency,job_role
            Sam Patel,Sam.Patel@calderdale.example,Calderdale Council,Social worker
            "O'Neill, Jo",jo@nhs.example,Calderdale NHS,
            """, file: "staff.csv")
        #expect(learners.map(\.details.name) == ["Sam Patel", "O'Neill, Jo"])
        #expect(learners.map(\.location.line) == [2, 3])
        #expect(learners[0].details.jobRole == "Social worker")
        #expect(learners[1].details.jobRole == nil)
        #expect(learners[0].details.email.text == "Sam.Patel@calderdale.example")
    }

    @Test func aTeamIsReadFromItsOptionalColumn() throws {
        let learners = try LearnerFile.parse("name,email,agency,team\nSam,sam@c.example,Council,Children in care\nJo,jo@c.example,Council,\n",
                                             file: "staff.csv")
        #expect(learners.map(\.details.team) == ["Children in care", nil])
        #expect(try LearnerFile.parse("name,email,agency\nSam,sam@c.example,Council\n", file: "staff.csv")[0].details.team == nil)
        #expect(throws: InputError("the team is 201 characters long; the most kept is 200", at: InputLocation(file: "staff.csv", line: 2, field: "team"))) {
            try LearnerFile.parse("name,email,agency,team\nSam,sam@c.example,Council,\(String(repeating: "t", count: 201))\n", file: "staff.csv")
        }
    }

    @Test func aMalformedEmailIsReportedAtItsLineAndField() {
        #expect(throws: InputError("'jo.nhs.example' is not an email address", at: InputLocation(file: "staff.csv", line: 3, field: "email"))) {
            try LearnerFile.parse("name,email,agency\nSam,sam@c.example,Council\nJo,jo.nhs.example,NHS\n", file: "staff.csv")
        }
    }

    @Test func aMissingAgencyIsRefused() {
        #expect(throws: InputError("an agency is required (the learner's employer, as in `training agency list`)",
                                   at: InputLocation(file: "staff.csv", line: 2, field: "agency"))) {
            try LearnerFile.parse("name,email,agency\nSam,sam@c.example,\n", file: "staff.csv")
        }
    }

    @Test func aFileWithoutTheEmailColumnIsRefused() {
        #expect(throws: InputError("the header has no 'email' column (expected columns: name,email,agency,job_role,team)",
                                   at: InputLocation(file: "staff.csv", line: 1))) {
            try LearnerFile.parse("name,agency\nSam,Council\n", file: "staff.csv")
        }
    }
}

@Suite("Supplier usage files")
struct UsageFileTests {
    @Test func extraColumnsAreIgnoredAndBothDateFormsRead() throws {
        let rows = try UsageFile.parse("Email,Module,Started_On,Completed_On,Score\nsam@c.example,FGM Awareness,04/11/2025,2025-11-05,90\n", file: "p.csv")
        #expect(rows == [UsageRow(line: 2, email: "sam@c.example", module: "FGM Awareness",
                                  startedOn: LocalDate(year: 2025, month: 11, day: 4), completedOn: LocalDate(year: 2025, month: 11, day: 5))])
    }

    @Test func aCompletionBeforeTheStartIsRefused() {
        #expect(throws: InputError("completed on 2025-11-03, before it was started on 2025-11-04",
                                   at: InputLocation(file: "p.csv", line: 2, field: "completed_on"))) {
            try UsageFile.parse("email,module,started_on,completed_on\nsam@c.example,FGM Awareness,2025-11-04,2025-11-03\n", file: "p.csv")
        }
    }
}

@Suite("A large file read a block at a time")
struct CSVFileBlocksTests {
    /// Every record of `text` read in blocks of `blockSize` bytes, and the fractions told.
    func blocks(_ text: String, blockSize: Int) throws -> (records: [[String]], lines: [Int], fractions: [Double]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blocks-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var records: [[String]] = [], lines: [Int] = [], fractions: [Double] = []
        try CSVFileBlocks.forEachBlock(of: url, displayName: "f.csv", blockSize: blockSize) { block, fraction in
            records += block.map(\.fields)
            lines += block.map(\.line)
            fractions.append(fraction)
            return true
        }
        return (records, lines, fractions)
    }

    @Test func recordsSplitAcrossBlocksAreTheSameAsFromTheWholeText() throws {
        // A byte-order mark, CRLF line ends, a quoted value holding a comma, a doubled quote and a line break.
        let text = "\u{FEFF}name,note\r\n" + (1...200).map { "Person \($0),\"said \"\"hi\"\",\r\nthen, left\"\r\n" }.joined()
        let whole = try blocks(text, blockSize: 1 << 20)
        let small = try blocks(text, blockSize: 64)
        #expect(whole.fractions == [1])
        #expect(small.records == whole.records)
        #expect(small.lines == whole.lines)
        #expect(small.records[1] == ["Person 1", "said \"hi\",\nthen, left"])
        #expect(small.lines.last == 400)
        #expect(small.fractions.count > 10 && small.fractions == small.fractions.sorted() && small.fractions.last == 1)
    }

    @Test func aFileThatIsNotUTF8IsReadWholeAndConverted() throws {
        // "£" as Windows-1252 writes it (0xA3): the block reader hands the file to the whole reading.
        var bytes = Array("name,price\n".utf8)
        for index in 0..<100 { bytes += Array("Item \(index),".utf8) + [0xA3] + Array("5\n".utf8) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cp1252-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var records: [[String]] = []
        try CSVFileBlocks.forEachBlock(of: url, displayName: "f.csv", blockSize: 64) { block, _ in
            records += block.map(\.fields)
            return true
        }
        #expect(records.count == 101)
        #expect(records[1] == ["Item 0", "£5"])
    }

    @Test func binaryBytesInALaterBlockAreRefusedWithTheirLine() throws {
        let text = "a,b\n" + (1...50).map { "\($0),x\n" }.joined() + "51,\u{1}\n"
        #expect(throws: InputError("this is not a text file (it holds binary data; if it is a spreadsheet, save it as CSV UTF-8)",
                                   at: InputLocation(file: "f.csv", line: 52))) {
            _ = try blocks(text, blockSize: 64)
        }
    }

    @Test func aQuoteNeverClosedIsRefusedWhereItOpens() throws {
        let text = "a,b\n" + (1...50).map { "\($0),x\n" }.joined() + "51,\"open\n52,x\n"
        #expect(throws: InputError("a quoted value opened here is never closed", at: InputLocation(file: "f.csv", line: 52))) {
            _ = try blocks(text, blockSize: 64)
        }
    }
}
