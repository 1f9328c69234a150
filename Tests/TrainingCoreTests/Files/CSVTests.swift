import Testing
@testable import TrainingCore

@Suite("CSV files")
struct CSVTests {
    func parse(_ text: String, required: [String] = ["name", "email"], optional: [String] = []) throws -> CSVDocument {
        try CSVDocument.parse(text, file: "staff.csv", required: required, optional: optional)
    }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let document = try parse("name,email\n\"Patel, Sam\",sam@example.org\n\"Jo \"\"JJ\"\" Smith\",\"jo@example.org\"\n\"Line\nbreak\",lb@example.org\n")
        #expect(document.records.map { $0["name"] } == ["Patel, Sam", "Jo \"JJ\" Smith", "Line\nbreak"])
        #expect(document.records.map(\.line) == [2, 3, 4])
    }

    @Test func aCRLFLineBreakInsideAQuotedValueIsReadAsOneLF() throws {
        let document = try parse("name,email\r\n\"two\r\nlines\",a@example.org\r\nthird,b@example.org\r\n")
        #expect(document.records.map { $0["name"] } == ["two\nlines", "third"])
        #expect(document.records.map(\.line) == [2, 4])
    }

    @Test func recordsAfterAQuotedLineBreakKeepTheirTrueLineNumber() throws {
        let document = try parse("name,email\n\"two\nlines\",a@example.org\nthird,b@example.org\n")
        #expect(document.records.map(\.line) == [2, 4])
    }

    @Test func byteOrderMarkCRLFAndHeaderCaseAreAccepted() throws {
        let document = try parse("\u{FEFF}Name , EMAIL\r\nSam,sam@example.org\r\n\r\n")
        #expect(document.header == ["name", "email"])
        #expect(document.records.count == 1)
        #expect(document.records[0]["email"] == "sam@example.org")
    }

    @Test func aRecordWithTheWrongNumberOfFieldsIsRefusedAtItsLine() {
        #expect(throws: InputError("this line has 3 fields but the header has 2 (is a comma inside an unquoted value?)",
                                   at: InputLocation(file: "staff.csv", line: 3))) {
            try parse("name,email\nSam,sam@example.org\nPatel, Sam,sam@example.org\n")
        }
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        #expect(throws: InputError("a quoted value opened here is never closed", at: InputLocation(file: "staff.csv", line: 2))) {
            try parse("name,email\n\"Sam,sam@example.org\nJo,jo@example.org\n")
        }
    }

    @Test func aMissingColumnIsNamed() {
        #expect(throws: InputError("the header has no 'email' column (expected columns: name,email)",
                                   at: InputLocation(file: "staff.csv", line: 1))) {
            try parse("name,mail\nSam,sam@example.org\n")
        }
    }

    @Test func anUnknownColumnIsRefusedRatherThanDropped() {
        #expect(throws: InputError("unknown column 'phone' (accepted columns: name,email)",
                                   at: InputLocation(file: "staff.csv", line: 1, field: "phone"))) {
            try parse("name,email,phone\nSam,sam@example.org,0123\n")
        }
    }

    @Test func extraColumnsAreAcceptedWhereTheFormatSaysSo() throws {
        let document = try CSVDocument.parse("email,module,score\na@example.org,FGM Awareness,80\n", file: "usage.csv",
                                             required: ["email", "module"], allowingExtraColumns: true)
        #expect(document.records[0]["module"] == "FGM Awareness")
    }

    @Test func anEmptyFileIsRefused() {
        #expect(throws: InputError("the file is empty: expected a header line naming the columns name,email",
                                   at: InputLocation(file: "staff.csv"))) {
            try parse("")
        }
    }

    @Test func aColumnNamedTwiceIsRefused() {
        #expect(throws: InputError("the column 'email' appears twice in the header", at: InputLocation(file: "staff.csv", line: 1, field: "email"))) {
            try parse("name,email,email\n")
        }
    }

    @Test func aLastLineWithoutLineBreakIsRead() throws {
        let document = try parse("name,email\nSam,sam@example.org")
        #expect(document.records.count == 1)
    }

    @Test func oldMacLineEndsAloneSeparateRecords() throws {
        let document = try parse("name,email\rSam,sam@example.org\rJo,jo@example.org")
        #expect(document.records.map { $0["name"] } == ["Sam", "Jo"])
        #expect(document.records.map(\.line) == [2, 3])
    }

    @Test func spacesAfterAClosingQuoteAreIgnoredAndEmptyQuotedValuesAreEmpty() throws {
        let document = try parse("name,email\n\"Sam\"  ,\"\"\n")
        #expect(document.records[0].fields == ["Sam", ""])
    }

    @Test func lettersBeyondASCIIAreKeptWhole() throws {
        let document = try parse("name,email\nZoë Ó Briain,\"zoë@exämple.org\"\n\"Siân, £5\",s@example.org\n")
        #expect(document.records.map { $0["name"] } == ["Zoë Ó Briain", "Siân, £5"])
        #expect(document.records[0]["email"] == "zoë@exämple.org")
    }

    @Test func aQuoteInsideAnUnquotedValueIsRefusedAtItsLine() {
        #expect(throws: InputError("a double quote in the middle of a value: quote the whole value and double the quote (\"\")",
                                   at: InputLocation(file: "staff.csv", line: 3))) {
            try parse("name,email\nSam,sam@example.org\nJo \"JJ\",jo@example.org\n")
        }
    }

    @Test func textAfterAClosingQuoteIsRefusedOnTheLineItIsOn() {
        // The quoted value spans lines 2 and 3; the stray text follows its closing quote on line 3.
        #expect(throws: InputError("text after a closing quote: a quoted value must end at a comma or the end of the line",
                                   at: InputLocation(file: "staff.csv", line: 3))) {
            try parse("name,email\n\"two\nlines\" x,a@example.org\n")
        }
    }
}

@Suite("Writing CSV")
struct CSVWritingTests {
    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackTheSame() throws {
        let fields = ["plain", "O'Neill, Jo", "said \"yes\"", "two\nlines", ""]
        let line = CSVDocument.line(fields)
        #expect(line == "plain,\"O'Neill, Jo\",\"said \"\"yes\"\"\",\"two\nlines\",")
        let document = try CSVDocument.parse("a,b,c,d,e\n" + line + "\n", file: "x.csv", required: ["a", "b", "c", "d", "e"])
        #expect(document.records[0].fields == fields)
    }
}
