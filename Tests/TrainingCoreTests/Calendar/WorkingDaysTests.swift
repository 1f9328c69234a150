import Testing
@testable import TrainingCore

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text) }
private func holidays(in year: Int) -> [String] {
    EnglandAndWalesBankHolidays.all.filter { $0.date.year == year }.map(\.date.description)
}

@Suite("England and Wales bank holidays")
struct BankHolidayTests {
    @Test("the published lists for sample years", arguments: [
        (2016, ["2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"]),
        // VE Day moved the early May holiday to a Friday; Boxing Day fell on a Saturday.
        (2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]),
        // Christmas on a Saturday: both substitutes follow on Monday and Tuesday.
        (2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"]),
        // New Year on a Saturday; spring holiday moved and the Jubilee added; the Queen's funeral; Christmas on a Sunday.
        (2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
                "2022-09-19", "2022-12-26", "2022-12-27"]),
        // The Coronation.
        (2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
                "2023-12-25", "2023-12-26"]),
        (2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]),
        (2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]),
    ])
    func publishedYears(year: Int, expected: [String]) {
        #expect(holidays(in: year) == expected)
    }

    @Test func everyYearFrom2014To2030IsShippedAndNoneFallsAtAWeekend() {
        for year in 2014...2030 {
            #expect(holidays(in: year).count >= 8, "year \(year)")
        }
        #expect(EnglandAndWalesBankHolidays.all.allSatisfy { !$0.date.isWeekend })
    }

    @Test("Easter Sunday", arguments: [(2014, "2014-04-20"), (2019, "2019-04-21"), (2025, "2025-04-20"), (2030, "2030-04-21")])
    func easter(year: Int, expected: String) {
        #expect(EnglandAndWalesBankHolidays.easterSunday(year) == day(expected))
    }
}

@Suite("Working days and notice")
struct WorkingDaysTests {
    let calendar = WorkingCalendar()

    @Test("notice counts the whole working days between the cancellation and the session", arguments: [
        // Monday to Friday of the same week: Tuesday, Wednesday and Thursday.
        ("2025-11-03", "2025-11-07", 3),
        // Across the Easter 2025 bank-holiday weekend: Good Friday, Saturday, Sunday, Easter Monday — no notice.
        ("2025-04-17", "2025-04-22", 0),
        // The week before Easter: Tuesday 15, Wednesday 16, Thursday 17.
        ("2025-04-14", "2025-04-22", 3),
        // Over Christmas and New Year 2025-26: 23, 24, 29, 30, 31 December.
        ("2025-12-22", "2026-01-02", 5),
        // The day before, and the day itself, give none.
        ("2025-11-06", "2025-11-07", 0),
        ("2025-11-07", "2025-11-07", 0),
        // After the session has started.
        ("2025-11-10", "2025-11-07", 0),
    ])
    func notice(cancelled: String, session: String, expected: Int) {
        #expect(calendar.noticeInWorkingDays(cancelledOn: day(cancelled), sessionDate: day(session)) == expected)
    }

    @Test func aBankHolidayTheOfficerAddsIsNotAWorkingDay() {
        let extended = WorkingCalendar(extraHolidays: [day("2025-11-05")])
        #expect(calendar.noticeInWorkingDays(cancelledOn: day("2025-11-03"), sessionDate: day("2025-11-07")) == 3)
        #expect(extended.noticeInWorkingDays(cancelledOn: day("2025-11-03"), sessionDate: day("2025-11-07")) == 2)
        #expect(!extended.isWorkingDay(day("2025-11-05")))
    }

    @Test func tenWorkingDaysBeforeASessionSkipsWeekendsAndHolidays() {
        // Session Tuesday 22 April 2025: back over Easter Monday, Good Friday and a weekend.
        // Working days before it: 17, 16, 15, 14, 11, 10, 9, 8, 7, 4 April.
        #expect(calendar.workingDay(10, before: day("2025-04-22")) == day("2025-04-04"))
    }
}
