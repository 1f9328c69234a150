import Testing
import TrainingCore

/// Issue 16, finding 4: the one CSV writer neutralises fields a spreadsheet would run as formulas.
@Suite("CSV formula neutralising")
struct CSVNeutralisingTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "\"'+1\""),
        ("-2", "\"'-2\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""),
        ("=1+2,3", "\"'=1+2,3\""),
    ])
    func aFieldBeginningWithAFormulaCharacterIsQuotedBehindASingleQuote(_ field: String, _ written: String) {
        #expect(CSVDocument.line(["a", field]) == "a," + written)
    }

    @Test func formulaCharactersAfterTheFirstAreLeftAlone() {
        #expect(CSVDocument.line(["a=b", "1-2", "x@example.org", " =1"]) == "a=b,1-2,x@example.org, =1")
    }

    @Test func aNeutralisedFieldReadsBackAsTheQuoteAndTheTextSoExcelShowsItAsText() throws {
        let line = CSVDocument.line(["=HYPERLINK(\"http://x\")", "-2"])
        let document = try CSVDocument.parse("a,b\n" + line + "\n", file: "x.csv", required: ["a", "b"])
        #expect(document.records[0].fields == ["'=HYPERLINK(\"http://x\")", "'-2"])
    }

    @Test func aCSVValueHoldingACharacterThatCannotBeStoredIsRefusedAtItsFileLineAndColumn() {
        #expect(throws: InputError("'name' contains a character that cannot be stored (U+FFFE)",
                                   at: InputLocation(file: "staff.csv", line: 3, field: "name"))) {
            try CSVDocument.parse("name,email\nJo,jo@x.org\nSam\(scalar(0xFFFE)),sam@x.org\n", file: "staff.csv", required: ["name", "email"])
        }
    }
}

