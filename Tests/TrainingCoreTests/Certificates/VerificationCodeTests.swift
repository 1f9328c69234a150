import Testing
import TrainingCore

/// A generator that gives the numbers it is told, for codes known in advance.
struct CountingGenerator: RandomNumberGenerator {
    var state: UInt64 = 0
    mutating func next() -> UInt64 {
        defer { state &+= 0x0842_1084_2108_4210 }
        return state
    }
}

@Suite("Verification codes")
struct VerificationCodeTests {
    @Test func theAlphabetHasThirtyTwoCharactersAndNoLookAlikes() {
        #expect(VerificationCode.alphabet.count == 32)
        #expect(Set(VerificationCode.alphabet).count == 32)
        for lookAlike in ["0", "O", "1", "I"] as [Character] { #expect(!VerificationCode.alphabet.contains(lookAlike)) }
    }

    @Test func aCodeIsShownAsThreeGroupsOfFour() {
        var generator = CountingGenerator()
        let code = VerificationCode(using: &generator)
        #expect(code.description.count == 14)
        #expect(code.description.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(code.description.replacingOccurrences(of: "-", with: "").allSatisfy(VerificationCode.alphabet.contains))
    }

    @Test(arguments: ["ABCD-EFGH-JKLM", "abcd-efgh-jklm", "ABCDEFGHJKLM", " abcd efgh jklm ", "A-B-C-D-E-F-G-H-J-K-L-M"])
    func aCodeIsReadIgnoringCaseDashesAndSpaces(typed: String) {
        #expect(VerificationCode(typed)?.description == "ABCD-EFGH-JKLM")
    }

    @Test(arguments: ["", "ABCD-EFGH-JKL", "ABCD-EFGH-JKLMN", "ABCD-EFGH-JKL0", "ABCD-EFGH-JKLI", "ABCD_EFGH_JKLM", "ÄBCD-EFGH-JKLM"])
    func whatCannotBeACodeIsNotOne(typed: String) {
        #expect(VerificationCode(typed) == nil)
    }

    @Test func freshCodesDiffer() {
        let codes = Set((0..<1_000).map { _ in VerificationCode.random() })
        #expect(codes.count == 1_000)
    }

    @Test func theCheckingAddressIsUnderVerifyOnTheBaseURL() throws {
        let code = try #require(VerificationCode("abcd-efgh-jklm"))
        #expect(code.address(baseURL: "https://training.example.org") == "https://training.example.org/verify/ABCD-EFGH-JKLM")
    }

    @Test func everyCodeMatchesTheStoredPattern() {
        #expect(VerificationCode.globPattern.hasPrefix("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]"))
        #expect(VerificationCode.globPattern.split(separator: "-").count == 3)
    }
}
