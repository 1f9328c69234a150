import Foundation
import Testing
@testable import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

@Suite("Financial years and quarters")
struct FinancialYearTests {
    @Test("a day belongs to the financial year that began on the 1 April before it", arguments: [
        ("2016-03-31", "2015-16"),
        ("2016-04-01", "2016-17"),
        ("2015-04-01", "2015-16"),
        ("2016-02-29", "2015-16"),  // leap day, in the final quarter
        ("2024-02-29", "2023-24"),
        ("2000-01-01", "1999-00"),  // written across the century
        ("2025-12-31", "2025-26"),
    ])
    func financialYearOfADay(date: String, expected: String) {
        #expect(FinancialYear(containing: day(date)).description == expected)
    }

    @Test func financialYearRunsFromFirstAprilToThirtyFirstMarch() {
        let year = FinancialYear(startYear: 2015)
        #expect(year.firstDay == day("2015-04-01"))
        #expect(year.lastDay == day("2016-03-31"))
        #expect(year.contains(day("2016-03-31")))
        #expect(!year.contains(day("2016-04-01")))
        #expect(!year.contains(day("2015-03-31")))
    }

    @Test func financialYearIsReadAsWritten() throws {
        #expect(try FinancialYear.parse("2015-16") == FinancialYear(startYear: 2015))
        #expect(try FinancialYear.parse("2015/16") == FinancialYear(startYear: 2015))
        #expect(try FinancialYear.parse("1999-00") == FinancialYear(startYear: 1999))
    }

    @Test func financialYearWhoseHalvesDoNotFollowIsRefusedWithASuggestion() {
        #expect(throws: InputError("'2015-17' is not a financial year: 17 does not follow 2015 (did you mean 2015-16?)")) {
            try FinancialYear.parse("2015-17")
        }
        #expect(throws: InputError.self) { try FinancialYear.parse("2015") }
    }

    @Test("a financial year outside the years the system keeps is refused, not a crash", arguments: [
        "9999-00", "0000-01", "1899-00", "2999-00", "0001-02",
    ])
    func financialYearOutsideTheSupportedYearsIsRefused(text: String) {
        #expect(throws: InputError("'\(text)' is outside the years this system keeps (1900-01 to 2998-99)", at: InputLocation(field: "year"))) {
            try FinancialYear.parse(text, at: InputLocation(field: "year"))
        }
    }

    @Test func theFirstAndLastSupportedFinancialYearsAreRead() throws {
        #expect(try FinancialYear.parse("1900-01").firstDay == day("1900-04-01"))
        #expect(try FinancialYear.parse("2998-99").lastDay == day("2999-03-31"))
        #expect(try Quarter.parse("2998-99-Q4").lastDay == day("2999-03-31"))
    }

    @Test func theBoundsOfAnyYearAreWorkedOutWithoutFailing() {
        // Years no input can give, as a report's "year before" or "year after" might reach: still dates. 1 January of
        // the year 0 is day -719,528; the year 0 is a leap year, so 1 April is 31 + 29 + 31 = 91 days later.
        #expect(FinancialYear(startYear: 0).firstDay.dayNumber == -719_528 + 91)
        #expect(FinancialYear(startYear: 9999).lastDay.description.hasSuffix("-03-31"))
        #expect(Quarter(year: FinancialYear(startYear: 9999), number: 4).map { $0.lastDay.month } == 3)
    }

    @Test("quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar", arguments: [
        ("2025-04-01", "2025-26-Q1"), ("2025-06-30", "2025-26-Q1"),
        ("2025-07-01", "2025-26-Q2"), ("2025-09-30", "2025-26-Q2"),
        ("2025-10-01", "2025-26-Q3"), ("2025-12-31", "2025-26-Q3"),
        ("2026-01-01", "2025-26-Q4"), ("2026-03-31", "2025-26-Q4"),
        ("2024-02-29", "2023-24-Q4"),
    ])
    func quarterOfADay(date: String, expected: String) {
        #expect(Quarter(containing: day(date)).description == expected)
    }

    @Test func quarterFirstAndLastDays() throws {
        let q4 = try Quarter.parse("2023-24-Q4")
        #expect(q4.firstDay == day("2024-01-01"))
        #expect(q4.lastDay == day("2024-03-31"))
        let q1 = try Quarter.parse("2025-26-Q1")
        #expect(q1.firstDay == day("2025-04-01"))
        #expect(q1.lastDay == day("2025-06-30"))
        #expect(FinancialYear(startYear: 2025).quarters.map(\.description) == ["2025-26-Q1", "2025-26-Q2", "2025-26-Q3", "2025-26-Q4"])
    }

    @Test func quarterNumberOutsideOneToFourIsRefused() {
        #expect(throws: InputError("'2025-26-Q5' is not a quarter: the quarter is Q1, Q2, Q3 or Q4")) {
            try Quarter.parse("2025-26-Q5")
        }
    }

    @Test func financialYearStartsAtLondonMidnightWhichIsElevenPmUTCInSummerTime() {
        let start = FinancialYear(startYear: 2025).instants.lowerBound
        // 1 April is in British Summer Time (UTC+1), so London midnight is 23:00 UTC on 31 March.
        #expect(start == Date(timeIntervalSince1970: 1_743_462_000))  // 2025-03-31T23:00:00Z
        #expect(LondonTime.date(of: start) == day("2025-04-01"))
        #expect(LondonTime.date(of: start.addingTimeInterval(-1)) == day("2025-03-31"))
    }

    @Test func londonWallClockTimesConvertAcrossTheClockChange() throws {
        let winter = try LondonTime.parse("2026-01-15 09:30")
        let summer = try LondonTime.parse("2026-07-15 09:30")
        #expect(winter == Date(timeIntervalSince1970: 1_768_469_400))  // 09:30 UTC
        #expect(summer == Date(timeIntervalSince1970: 1_784_104_200))  // 08:30 UTC
        #expect(LondonTime.format(summer) == "2026-07-15 09:30")
    }
}

@Suite("Calendar dates")
struct LocalDateTests {
    @Test func isoAndBritishFormsAreRead() throws {
        #expect(try LocalDate.parse("2025-04-01") == LocalDate(year: 2025, month: 4, day: 1))
        #expect(try LocalDate.parse("1/4/2025") == LocalDate(year: 2025, month: 4, day: 1))
        #expect(try LocalDate.parse("01/04/2025") == LocalDate(year: 2025, month: 4, day: 1))
    }

    @Test("leap years follow the Gregorian rules", arguments: [
        ("2024-02-29", true), ("2025-02-29", false), ("2000-02-29", true), ("1900-02-29", false),
    ])
    func leapDays(text: String, exists: Bool) {
        if exists {
            #expect(throws: Never.self) { try LocalDate.parse(text) }
        } else {
            #expect(throws: InputError("'\(text)' is not a day on the calendar")) { try LocalDate.parse(text) }
        }
    }

    @Test("a date outside the years the system keeps is refused", arguments: ["0001-01-01", "1899-12-31", "9999-12-31", "3000-01-01", "31/12/9999"])
    func dateOutsideTheSupportedYearsIsRefused(text: String) {
        #expect(throws: InputError("'\(text)' is outside the years this system keeps (1900 to 2999)")) { try LocalDate.parse(text) }
    }

    @Test func textThatIsNotADateIsRefusedWithTheFormsAccepted() {
        #expect(throws: InputError("'next Tuesday' is not a date (write YYYY-MM-DD or DD/MM/YYYY)",
                                   at: InputLocation(file: "staff.csv", line: 4, field: "booked_on"))) {
            try LocalDate.parse("next Tuesday", at: InputLocation(file: "staff.csv", line: 4, field: "booked_on"))
        }
    }

    @Test("dates with spaces around them, or written almost as ISO, are read or refused as the long way reads them", arguments: [
        (" 2025-04-01 ", "2025-04-01"), ("2025-04-01\t", "2025-04-01"), ("\u{00A0}2025-04-01", "2025-04-01"),
        ("2025-4-01", nil), ("2025-04-1", nil), ("20250-04-01", nil), ("2025/04/01", nil), ("２０２５-04-01", nil),
        ("+025-04-01", nil), ("0000-04-01", nil), ("2025-13-01", nil), ("2025-00-10", nil),
    ] as [(String, String?)])
    func nearlyISODates(text: String, expected: String?) throws {
        if let expected {
            #expect(try LocalDate.parse(text).description == expected)
        } else {
            #expect(throws: InputError.self) { try LocalDate.parse(text) }
        }
    }

    @Test func aDayAloneIsTakenAtTheHourGivenInLondon() throws {
        // 1 July 2025 is in summer time: 09:00 London is 08:00 UTC.
        #expect(try LondonTime.parse("2025-07-01", defaultHour: 9) == Date(timeIntervalSince1970: 1_751_356_800))
        #expect(try LondonTime.parse("01/07/2025", defaultHour: 9) == Date(timeIntervalSince1970: 1_751_356_800))
        #expect(try LondonTime.parse("2025-07-01T13:30", defaultHour: 9) == Date(timeIntervalSince1970: 1_751_373_000))
    }

    @Test func weekdaysAndDayArithmetic() {
        #expect(day("2026-11-22").isoWeekday == 7)  // a Sunday
        #expect(day("2025-11-22").isoWeekday == 6)  // a Saturday
        #expect(day("1970-01-01").isoWeekday == 4)
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-29").adding(days: 1) == day("2024-03-01"))
        #expect(day("2025-12-31").days(until: day("2026-01-01")) == 1)
        #expect(LocalDate(dayNumber: day("1969-12-31").dayNumber) == day("1969-12-31"))
    }
}
