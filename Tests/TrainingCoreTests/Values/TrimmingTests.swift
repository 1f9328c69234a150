import Testing
import TrainingCore

@Suite("Trimming text")
struct TrimmingTests {
    @Test func spacesAndTabsGoFromBothEndsButNotFromTheMiddle() {
        #expect("  \tSocial worker \t ".trimmingSpaces() == "Social worker")
        #expect("a  b".trimmingSpaces() == "a  b")
    }

    @Test func newLinesStayUnlessWhiteSpaceIsTrimmed() {
        #expect(" line\n".trimmingSpaces() == "line\n")
        #expect("\r\n ann@example.org \n".trimmingWhiteSpace() == "ann@example.org")
    }

    @Test func blankTextBecomesEmpty() {
        #expect("   ".trimmingSpaces() == "")
        #expect("".trimmingWhiteSpace() == "")
        #expect("\u{00A0}x\u{00A0}".trimmingSpaces() == "x", "a no-break space is white space, as in Foundation's set")
    }

    @Test func textThatNeedsNoTrimmingIsKeptExactlyEvenWithLettersBeyondASCII() {
        #expect("Zoë".trimmingSpaces() == "Zoë")
        #expect("a\u{00A0}".trimmingSpaces() == "a", "a no-break space at the end is still trimmed")
        #expect("e\u{0301}".trimmingWhiteSpace() == "e\u{0301}", "a letter with a combining accent stays whole")
        #expect("x y".trimmingWhiteSpace() == "x y")
    }
}
