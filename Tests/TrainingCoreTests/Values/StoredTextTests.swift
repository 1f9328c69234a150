import Testing
import TrainingCore

/// Issue 16, findings 5 and 9: the one rule for which text may be stored (`StoredText`).
@Suite("Stored text")
struct StoredTextTests {
    @Test(arguments: [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x2FFFE, 0xEFFFF, 0x10FFFE, 0x10FFFF] as [UInt32])
    func noncharactersInEveryPlaneAreRefusedNamingTheFieldAndTheCharacter(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let hex = String(value, radix: 16, uppercase: true)
        #expect(throws: InputError("'name' contains a character that cannot be stored (U+\(hex))", at: InputLocation(field: "name"))) {
            try StoredText.check("Jo" + String(Character(scalar)) + "Smith", as: .name, at: InputLocation(field: "name"))
        }
    }

    @Test func aNulIsRefusedRatherThanCuttingTheText() {
        #expect(throws: InputError("the name contains a character that cannot be stored (U+0000, a NUL)", at: InputLocation(field: "--name"))) {
            try StoredText.check("Jo\u{0}Smith", as: .name, at: InputLocation(field: "--name"), name: "the name")
        }
    }

    @Test(arguments: [0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F] as [UInt8])
    func controlCharactersOtherThanTabAndLineBreaksAreRefusedEvenInParagraphs(_ byte: UInt8) {
        #expect(throws: InputError.self) {
            try StoredText.check("a" + String(Character(Unicode.Scalar(byte))) + "b", as: .note)
        }
    }

    @Test func tabAndLineBreaksAreKeptInParagraphsButRefusedInNames() throws {
        #expect(try StoredText.check("one\ttwo\nthree\r\nfour", as: .note) == "one\ttwo\nthree\r\nfour")
        #expect(throws: InputError("the text contains a character that cannot be stored (U+000A, a line break)")) {
            try StoredText.check("Jo\nSmith", as: .name)
        }
        #expect(throws: InputError("the text contains a character that cannot be stored (U+0009, a tab)")) {
            try StoredText.check("Jo\tSmith", as: .jobRole)
        }
    }

    @Test func everyScriptEmojiAndCombiningMarkIsKeptAsWritten() throws {
        let text = "Zoë Ó Súilleabháin — أحمد 李雷 🇬🇧 👩🏽‍⚕️ e\u{301} \u{E000} \u{10FFFD} \u{FFFD}"
        #expect(try StoredText.check(text, as: .answer) == text)
    }

    @Test func textAtTheLimitIsAcceptedAndOneCharacterOverIsRefusedNamingTheLimit() throws {
        let atLimit = String(repeating: "a", count: 200)
        #expect(try StoredText.check(atLimit, as: .name) == atLimit)
        #expect(throws: InputError("'job_role' is 201 characters long; the most kept is 200", at: InputLocation(field: "job_role"))) {
            try StoredText.check(atLimit + "b", as: .jobRole, at: InputLocation(field: "job_role"))
        }
    }

    @Test func lengthIsCountedInCodePointsAsTheDatabaseCountsThem() throws {
        // A flag is two code points (eight UTF-8 bytes): 100 flags are 200 code points, at the name limit.
        let flags = String(repeating: "🇬🇧", count: 100)
        #expect(try StoredText.check(flags, as: .name) == flags)
        #expect(throws: InputError("the text is 202 characters long; the most kept is 200")) {
            try StoredText.check(flags + "🇬🇧", as: .name)
        }
    }

    @Test func theLimitsOfEveryStoredFieldAreStatedOnce() {
        #expect(TextField.name.limit == 200)
        #expect(TextField.email.limit == 254)
        #expect(TextField.jobRole.limit == 200)
        #expect(TextField.reference.limit == 100)
        #expect(TextField.venue.limit == 1000)
        #expect(TextField.reason.limit == 1000)
        #expect(TextField.note.limit == 4000)
        #expect(TextField.answer.limit == 4000)
        #expect(maximumAnswerLength == TextField.answer.limit)
    }

    /// The byte-level scan must agree with the rule stated per character, for every character there is.
    @Test func theFastScanAgreesWithTheRuleForEveryCharacterInUnicode() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            let text = "a" + String(Character(scalar)) + "b"
            for multiline in [false, true] {
                let found = StoredText.firstForbidden(in: text, multiline: multiline)
                let expected: Unicode.Scalar? = StoredText.isAllowed(scalar, multiline: multiline) ? nil : scalar
                if found != expected { disagreements.append(value) }
            }
        }
        #expect(disagreements.isEmpty)
        // 66 noncharacters (32 + 2 × 17), 32 C0 controls (29 in paragraphs).
        let refused = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { !StoredText.isAllowed($0, multiline: true) }
        #expect(refused.count == 66 + 29)
    }

    @Test func aLearnersJobRoleOverTheLimitIsRefusedNamingTheField() throws {
        let email = try EmailAddress("jo@example.org")
        #expect(throws: InputError("the job role is 201 characters long; the most kept is 200",
                                   at: InputLocation(file: "staff.csv", line: 4, field: "job_role"))) {
            try LearnerDetails(name: "Jo", email: email, agencyName: "Council", jobRole: String(repeating: "x", count: 201),
                               at: InputLocation(file: "staff.csv", line: 4))
        }
    }

    @Test func aLearnersNameWithANoncharacterIsRefused() throws {
        let email = try EmailAddress("jo@example.org")
        #expect(throws: InputError("the name contains a character that cannot be stored (U+FFFE)", at: InputLocation(field: "name"))) {
            try LearnerDetails(name: "Jo\(scalar(0xFFFE))", email: email, agencyName: nil, jobRole: nil)
        }
    }

    @Test func anAgencyNameWithANulIsRefused() {
        #expect(throws: InputError("the name contains a character that cannot be stored (U+0000, a NUL)", at: InputLocation(field: "name"))) {
            try AgencyDetails(name: "Council\u{0}Extra", sector: .localAuthority)
        }
    }

    @Test func anEmailAddressWithANoncharacterIsRefused() {
        #expect(throws: InputError("the email address contains a character that cannot be stored (U+FFFF)", at: InputLocation(field: "email"))) {
            try EmailAddress("jo\(scalar(0xFFFF))@example.org", at: InputLocation(field: "email"))
        }
    }

    @Test func anEvaluationAnswerWithANoncharacterIsRefusedNamingTheAnswer() {
        #expect(throws: InputError("the answer contains a character that cannot be stored (U+FDD0)", at: InputLocation(field: "improve"))) {
            try EvaluationAnswers(satisfaction: 5, knowledge: .aLot, confidenceBefore: nil, confidenceAfter: nil,
                                  bestPart: nil, practiceChange: nil, improve: "More \(scalar(0xFDD0))")
        }
    }

    @Test func aCourseDescriptionWithANoncharacterIsRefusedWhereItIsWritten() throws {
        let course = CourseDefinition(title: "Course", level: .foundation, delivery: .faceToFace, duration: try CourseDuration.parse("3h"),
                                      capacity: 20, minimumNumbers: 5, summary: "About \(scalar(0x10FFFF))")
        #expect(throws: InputError("the description contains a character that cannot be stored (U+10FFFF)",
                                   at: InputLocation(file: "c.yaml", line: 7, field: "description"))) {
            try course.validate { InputLocation(file: "c.yaml", line: 7, field: $0) }
        }
    }

    @Test func aSettingWithANoncharacterIsRefused() {
        #expect(throws: InputError("the setting contains a character that cannot be stored (U+FFFE)", at: InputLocation(field: "partnership-name"))) {
            try PartnershipSettings().setting("partnership-name", to: "Westvale \(scalar(0xFFFE))")
        }
    }

    @Test func aSettingOverItsLimitIsRefused() {
        #expect(throws: InputError.self) { try PartnershipSettings().setting("partnership-name", to: String(repeating: "W", count: 1001)) }
        #expect(throws: Never.self) { try PartnershipSettings().setting("partnership-name", to: String(repeating: "W", count: 1000)) }
    }
}

/// The one-character string of a code point (Swift refuses noncharacters in literals).
func scalar(_ value: UInt32) -> String {
    Unicode.Scalar(value).map { String(Character($0)) } ?? ""
}
