import Testing
@testable import TrainingCore

@Suite("Header text: RFC 2047 encoded-words and folding")
struct HeaderTextTests {
    @Test func aNonASCIINameIsOneEncodedWordInTheShorterForm() {
        // "Siân Ó Briain" is 15 bytes of UTF-8: 20 characters of base64, against 23 in the Q form
        // (Si=C3=A2n_=C3=93_Briain).
        #expect(HeaderText.encodedWords("Siân Ó Briain") == ["=?UTF-8?B?U2nDom4gw5MgQnJpYWlu?="])
    }

    @Test func mostlyASCIITextTakesTheQForm() {
        #expect(HeaderText.encodedWords("Café on Monday") == ["=?UTF-8?Q?Caf=C3=A9_on_Monday?="])
    }

    @Test func longTextIsCutIntoEncodedWordsOfWholeCharacters() {
        let text = String(repeating: "Siân ", count: 40)
        let words = HeaderText.encodedWords(text)
        #expect(words.count > 1)
        for word in words {
            #expect(word.count <= HeaderText.encodedWordLength)
            #expect(word.hasPrefix("=?UTF-8?") && word.hasSuffix("?="))
        }
    }

    @Test func plainASCIISubjectIsFoldedAtSpacesBefore78Characters() {
        let subject = "Your place is confirmed: Multi-agency safeguarding children and young people, level 3 refresher on Tuesday 3 March 2026"
        #expect(HeaderText.fold("Subject", HeaderText.words(subject, headerName: "Subject"))
                == "Subject: Your place is confirmed: Multi-agency safeguarding children and young\r\n people, level 3 refresher on Tuesday 3 March 2026")
    }

    @Test func aNonASCIISubjectIsEncodedAndFoldedBetweenWords() {
        let subject = "Lle wedi'i gadarnhau: hyfforddiant diogelu amlasiantaethol — Dydd Mawrth 3 Mawrth 2026, ystafell â golygfa"
        let header = HeaderText.fold("Subject", HeaderText.words(subject, headerName: "Subject"))
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        for line in lines { #expect(line.utf8.count <= 78) }
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?") })
    }

    @Test func lineBreaksInAValueCannotStartAHeaderOfTheirOwn() {
        #expect(HeaderText.words("Hello\r\nBcc: everyone@example.org", headerName: "Subject")
                == ["Hello", "Bcc:", "everyone@example.org"])
    }

    @Test func textThatLooksLikeAnEncodedWordIsEncoded() {
        #expect(HeaderText.words("=?UTF-8?Q?x?=", headerName: "Subject").first?.hasPrefix("=?UTF-8?") == true)
        #expect(HeaderText.words("=?UTF-8?Q?x?=", headerName: "Subject") != ["=?UTF-8?Q?x?="])
    }
}
