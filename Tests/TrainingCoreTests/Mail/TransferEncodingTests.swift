import Foundation
import Testing
@testable import TrainingCore

@Suite("Quoted-printable and base64")
struct TransferEncodingTests {
    @Test func aLineKeepsItsPrintableCharactersAndEscapesTheRest() {
        // é is C3 A9 and £ is C2 A3 in UTF-8; "=" is =3D; only the space that ends the line is escaped.
        #expect(QuotedPrintable.encode("Café costs £5 = fair  ") == "Caf=C3=A9 costs =C2=A35 =3D fair =20")
    }

    @Test func lineBreaksOfAnyKindBecomeCRLFAndATrailingTabIsEscaped() {
        #expect(QuotedPrintable.encode("one\ntwo\r\nthree\rfour\t\n") == "one\r\ntwo\r\nthree\r\nfour=09\r\n")
    }

    @Test func aLongLineIsCutBySoftBreaksWithinSeventySixCharacters() {
        let exactlyFull = String(repeating: "a", count: 76)
        #expect(QuotedPrintable.encode(exactlyFull) == exactlyFull)
        #expect(QuotedPrintable.encode(String(repeating: "a", count: 77))
                == String(repeating: "a", count: 75) + "=\r\n" + "aa")
    }

    @Test func aSoftBreakNeverFallsInsideAnEscape() {
        // 74 letters leave room for "=" but not for "=C3": the escape moves whole to the next line.
        #expect(QuotedPrintable.encode(String(repeating: "a", count: 74) + "é")
                == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 200))
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            // Whole escapes only (a break may fall between the two bytes of one character, never inside "=C3").
            #expect(["", "="].contains(line.replacingOccurrences(of: "=C3", with: "").replacingOccurrences(of: "=A9", with: "")))
        }
    }

    @Test func base64IsWrittenInLinesOfSeventySixCharacters() {
        let encoded = Base64Lines.encode(Array(repeating: 0xFF, count: 100))
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.map(\.count) == [76, 60])
        #expect(Data(base64Encoded: lines.joined()) == Data(repeating: 0xFF, count: 100))
    }
}
