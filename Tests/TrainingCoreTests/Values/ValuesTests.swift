import Testing
@testable import TrainingCore

@Suite("Money in pence")
struct MoneyTests {
    @Test("amounts print in pounds and pence", arguments: [
        (1250, "£12.50"), (5, "£0.05"), (0, "£0.00"), (123_450, "£1,234.50"), (100_000_000, "£1,000,000.00"), (-300, "-£3.00"),
    ])
    func printing(pence: Int, expected: String) {
        #expect(Pence(pence).description == expected)
    }

    @Test("percentages round to the nearest penny, halves up", arguments: [
        (5000, 50, 2500),   // half of £50
        (10000, 100, 10000),
        (1001, 33, 330),    // 330.33p
        (1, 50, 1),         // 0.5p rounds up
        (2999, 50, 1500),   // 1499.5p rounds up
        (5000, 0, 0),
    ])
    func percentage(amount: Int, percent: Int, expected: Int) {
        #expect(Pence(amount).percentage(percent) == Pence(expected))
    }

    @Test func amountsAreReadWithOrWithoutThePoundSign() throws {
        #expect(try Pence.parse("£12.50") == 1250)
        #expect(try Pence.parse("12.5") == 1250)
        #expect(try Pence.parse("100") == 10000)
        #expect(try Pence.parse("1,234.05") == 123_405)
        #expect(throws: InputError("'12.505' is not an amount of money: give at most two figures of pence")) {
            try Pence.parse("12.505")
        }
        #expect(throws: InputError.self) { try Pence.parse("twelve") }
    }
}

@Suite("Email addresses")
struct EmailTests {
    @Test func addressesMatchIgnoringCase() throws {
        let typed = try EmailAddress("  Sam.Patel@Calderdale.example ")
        #expect(typed.text == "Sam.Patel@Calderdale.example")
        #expect(typed == (try EmailAddress("sam.patel@calderdale.example")))
        #expect(Set([typed, try EmailAddress("SAM.PATEL@CALDERDALE.EXAMPLE")]).count == 1)
    }

    @Test("text that is not an address is refused", arguments: ["sam", "sam@", "@example.org", "sam@example", "sam patel@example.org", "a@b@c.org", "sam@example.",
                 "sam@.example.org", "sam;jo@example.org", "<sam@example.org>", "sam,jo@example.org", "sam\tp@example.org",
                 "zoë@exämple", "zoë p@exämple.org", "zoë@@exämple.org", "zoë\u{00A0}p@exämple.org"])
    func invalid(text: String) {
        #expect(throws: InputError("'\(text)' is not an email address")) { try EmailAddress(text) }
    }

    @Test func addressesWithLettersBeyondASCIIAreAcceptedAndMatchIgnoringCase() throws {
        let typed = try EmailAddress("Zoë.Ó@Exämple.org")
        #expect(typed.text == "Zoë.Ó@Exämple.org")
        #expect(typed == (try EmailAddress("zoë.ó@exämple.org")))
    }

    @Test func anAddressOfAtMost254CharactersIsAccepted() throws {
        let local = String(repeating: "a", count: 242)
        #expect(try EmailAddress(local + "@example.org").text.count == 254)
        #expect(throws: InputError("'\(local)a@example.org' is not an email address")) { try EmailAddress(local + "a@example.org") }
    }

    @Test func anEmptyAddressIsMissingNotMalformed() {
        #expect(throws: InputError("an email address is required", at: InputLocation(field: "email"))) {
            try EmailAddress("  ", at: InputLocation(field: "email"))
        }
    }
}

@Suite("Course durations and vocabularies")
struct VocabularyTests {
    @Test("durations", arguments: [("3h", 180), ("45m", 45), ("2h30m", 150), ("2h 30m", 150), ("6H", 360)])
    func durations(text: String, minutes: Int) throws {
        #expect(try CourseDuration.parse(text).minutes == minutes)
        #expect(try CourseDuration.parse(CourseDuration.parse(text).description).minutes == minutes)
    }

    @Test("a duration without a unit or out of range is refused", arguments: ["3", "", "0h", "h", "3m2h", "three hours", "2h30", "9223372036854775807h", "153722867280912930h", "1h9223372036854775807m"])
    func badDurations(text: String) {
        #expect(throws: InputError("'\(text)' is not a duration (write it like 3h, 45m or 2h30m)")) { try CourseDuration.parse(text) }
    }

    @Test func levelsAreReadInAnyCaseAndOrdered() throws {
        #expect(try CourseLevel.parse("Advanced") == .advanced)
        #expect(try CourseLevel.parse(" FOUNDATION ") == .foundation)
        #expect(CourseLevel.allCases.sorted() == [.foundation, .intermediate, .advanced])
    }

    @Test func anUnknownLevelIsRefusedWithTheLevelsThatExist() {
        let location = InputLocation(file: "Courses/foundation.yaml", line: 12, field: "level")
        #expect(throws: InputError("unknown level 'basic' (expected one of: foundation, intermediate, advanced)", at: location)) {
            try CourseLevel.parse("basic", at: location)
        }
        #expect(InputError("x", at: location).description == "Courses/foundation.yaml, line 12, field 'level': x")
    }

    @Test func sectorsAndDeliveryAcceptCommonSpellings() throws {
        #expect(try Sector.parse("voluntary and community") == .voluntaryAndCommunity)
        #expect(try Sector.parse("early years") == .earlyYears)
        #expect(try DeliveryMode.parse("Face to face") == .faceToFace)
        #expect(try DeliveryMode.parse("elearning") == .eLearning)
        #expect(throws: InputError.self) { try Sector.parse("Church") }
    }

    /// `parse` takes a word written exactly as a raw value at once, which is right only while no two raw
    /// values of one vocabulary read alike once case, spaces and underscores are set aside.
    @Test func noTwoWordsOfAVocabularyReadAlike() {
        func distinct<V: Vocabulary>(_ type: V.Type) -> Bool {
            Set(V.allCases.map { V.key($0.rawValue) }).count == V.allCases.count
        }
        #expect(distinct(CourseLevel.self) && distinct(DeliveryMode.self) && distinct(Sector.self) && distinct(SessionStatus.self))
        #expect(distinct(SessionCancelReason.self) && distinct(BookingStatus.self) && distinct(LicenceStatus.self))
        #expect(distinct(KnowledgeGain.self) && distinct(UsedInPractice.self) && distinct(UserRole.self))
    }
}

@Suite("Course definitions")
struct CourseDefinitionTests {
    func course(capacity: Int = 20, minimum: Int = 6, prerequisites: [String] = []) -> CourseDefinition {
        CourseDefinition(title: "Introduction to FGM", level: .intermediate, delivery: .faceToFace,
                         duration: CourseDuration(minutes: 180)!, capacity: capacity, minimumNumbers: minimum,
                         prerequisites: prerequisites)
    }

    func located(_ field: String) -> InputLocation { InputLocation(file: "c.yaml", line: 3, field: field) }

    @Test func minimumNumbersAboveCapacityAreRefused() {
        #expect(throws: InputError("minimum numbers (25) cannot be more than the capacity (20)", at: located("minimum"))) {
            try course(minimum: 25).validate(locating: located)
        }
    }

    @Test func aCourseCannotRequireItself() {
        #expect(throws: InputError("'Introduction to FGM' cannot be its own prerequisite", at: located("prerequisites"))) {
            try course(prerequisites: ["introduction to fgm"]).validate(locating: located)
        }
    }

    @Test func zeroCapacityIsRefused() {
        #expect(throws: InputError("capacity must be between 1 and 1000, not 0", at: located("capacity"))) {
            try course(capacity: 0, minimum: 0).validate(locating: located)
        }
    }

    @Test func prerequisiteCyclesAreFound() {
        #expect(CatalogueRules.prerequisiteCycle(in: ["a": ["b"], "b": ["c"], "c": ["a"]]) == ["a", "b", "c", "a"])
        #expect(CatalogueRules.prerequisiteCycle(in: ["a": ["b"], "b": ["c"], "d": ["c"]]) == nil)
    }
}

@Suite("Secret tokens")
struct SecretTokenTests {
    @Test func aTokenIs43URLSafeCharactersAndNeverStartsWithAHyphen() {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let tokens = (0..<2000).map { _ in SecretToken.make() }
        #expect(tokens.allSatisfy { $0.count == 43 && $0.allSatisfy(allowed.contains) })
        #expect(!tokens.contains { $0.hasPrefix("-") })
        #expect(Set(tokens).count == tokens.count)
    }
}

/// Found in review: each pinned by the example that showed it.
extension MoneyTests {
    @Test("amounts with signs inside or too many figures are refused", arguments: ["1.-5", "+3.+5", "3.+5", "99999999999999999", "1 000"])
    func badAmounts(text: String) {
        #expect(throws: InputError.self) { try Pence.parse(text) }
    }
}
