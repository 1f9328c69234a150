import Testing
@testable import TrainingCore

@Suite("Mail addresses")
struct MailAddressTests {
    @Test func anASCIINameIsQuotedWithItsSpecialsEscaped() throws {
        #expect(try MailAddress("sam@example.org", name: "Sam O'Brien").description == "\"Sam O'Brien\" <sam@example.org>")
        #expect(try MailAddress("a@example.org", name: "Smith, \"Jo\"").description == "\"Smith, \\\"Jo\\\"\" <a@example.org>")
        #expect(try MailAddress(" a@example.org ").description == "a@example.org")
    }

    @Test func aNonASCIINameIsAnEncodedWordOutsideQuotes() throws {
        #expect(try MailAddress("sian@example.org", name: "Siân Ó Briain").description
                == "=?UTF-8?B?U2nDom4gw5MgQnJpYWlu?= <sian@example.org>")
    }

    @Test func aBlankNameIsNoName() throws {
        #expect(try MailAddress("a@example.org", name: " \n ").name == nil)
    }

    @Test("an address a mail server would not take is refused with the reason", arguments: [
        ("", MailAddressError.empty),
        ("siân@example.org", .notASCII("siân@example.org")),
        ("nobody.example.org", .notOneAt("nobody.example.org")),
        ("a@b@example.org", .notOneAt("a@b@example.org")),
        ("a..b@example.org", .badLocalPart("a..b@example.org")),
        (".a@example.org", .badLocalPart(".a@example.org")),
        ("a b@example.org", .badLocalPart("a b@example.org")),
        ("a@-example.org", .badDomain("a@-example.org")),
        ("a@example..org", .badDomain("a@example..org")),
        ("a@exam_ple.org", .badDomain("a@exam_ple.org")),
        ("a@", .badDomain("a@")),
    ])
    func refusals(address: String, expected: MailAddressError) {
        #expect(throws: expected) { try MailAddress(address) }
    }

    @Test func anAddressLongerThan254CharactersIsRefused() {
        let long = String(repeating: "a", count: 60) + "@" + Array(repeating: String(repeating: "b", count: 60), count: 4).joined(separator: ".")
        #expect(throws: MailAddressError.tooLong(long)) { try MailAddress(long) }
    }

    @Test func theDomainIsLowerCased() throws {
        #expect(try MailAddress("Training@HSP.Example.org").domain == "hsp.example.org")
    }
}
