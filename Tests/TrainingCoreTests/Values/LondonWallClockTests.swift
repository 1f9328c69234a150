import Foundation
import Testing
@testable import TrainingCore

@Suite("London wall-clock readings")
struct LondonWallClockTests {
    /// The reading Foundation's calendar gives, the reference the arithmetic must match.
    func calendarReading(_ instant: Date) -> [Int] {
        let parts = LondonTime.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!]
    }

    @Test func everyReadingMatchesTheCalendarAcrossYearsAndClockChanges() {
        // Every 11 hours 40 minutes 1 second (so the hour, minute and second drift) from 1999 to 2031.
        var instant = Date(timeIntervalSince1970: 915_148_800)
        while instant < Date(timeIntervalSince1970: 1_925_000_000) {
            let clock = LondonTime.wallClock(of: instant)
            #expect([clock.year, clock.month, clock.day, clock.hour, clock.minute] == calendarReading(instant), "\(instant)")
            instant.addTimeInterval(433 * 97)
        }
    }

    @Test func theSecondsEitherSideOfAClockChangeReadAsLondonDoes() throws {
        // Clocks went forward at 01:00 UTC on 30 March 2025 and back at 01:00 UTC on 26 October 2025.
        let forward = Date(timeIntervalSince1970: 1_743_296_400), back = Date(timeIntervalSince1970: 1_761_440_400)
        #expect(LondonTime.format(forward.addingTimeInterval(-1)) == "2025-03-30 00:59")
        #expect(LondonTime.format(forward) == "2025-03-30 02:00")
        #expect(LondonTime.format(back.addingTimeInterval(-1)) == "2025-10-26 01:59")
        #expect(LondonTime.format(back) == "2025-10-26 01:00")
        #expect(LondonTime.date(of: Date(timeIntervalSince1970: 1_751_324_400)) == LocalDate(year: 2025, month: 7, day: 1))
    }

    /// The instant Foundation's calendar gives for a London wall-clock time, the reference `instant` must match.
    func calendarInstant(_ date: LocalDate, _ hour: Int, _ minute: Int) -> Date {
        LondonTime.calendar.date(from: DateComponents(timeZone: LondonTime.timeZone, year: date.year, month: date.month,
                                                      day: date.day, hour: hour, minute: minute))!
    }

    @Test func everyWallClockTimeMatchesTheCalendarAcrossYears() {
        // Every day from 1999 to 2031 at a time of day that drifts by 37 minutes a day.
        var day = LocalDate(year: 1999, month: 1, day: 1)!, minuteOfDay = 0
        while day < LocalDate(year: 2031, month: 1, day: 1)! {
            #expect(LondonTime.instant(day, hour: minuteOfDay / 60, minute: minuteOfDay % 60)
                    == calendarInstant(day, minuteOfDay / 60, minuteOfDay % 60), "\(day) \(minuteOfDay)")
            day = day.adding(days: 1)
            minuteOfDay = (minuteOfDay + 37) % 1_440
        }
    }

    @Test(arguments: [LocalDate(year: 2025, month: 3, day: 29)!, LocalDate(year: 2025, month: 3, day: 30)!,
                      LocalDate(year: 2025, month: 3, day: 31)!, LocalDate(year: 2025, month: 10, day: 25)!,
                      LocalDate(year: 2025, month: 10, day: 26)!, LocalDate(year: 2025, month: 10, day: 27)!,
                      LocalDate(year: 2016, month: 3, day: 27)!, LocalDate(year: 2016, month: 10, day: 30)!])
    func everyMinuteAroundAClockChangeMatchesTheCalendar(day: LocalDate) {
        // The skipped hour (01:00–01:59 on the day the clocks go forward) and the repeated one (on the day they
        // go back) are where an offset worked out by arithmetic could go wrong.
        for minuteOfDay in 0..<1_440 {
            #expect(LondonTime.instant(day, hour: minuteOfDay / 60, minute: minuteOfDay % 60)
                    == calendarInstant(day, minuteOfDay / 60, minuteOfDay % 60), "\(day) \(minuteOfDay)")
        }
    }

    @Test(arguments: [LocalDate(year: 1500, month: 3, day: 1)!, LocalDate(year: 1752, month: 9, day: 20)!,
                      LocalDate(year: 1850, month: 6, day: 1)!, LocalDate(year: 1899, month: 12, day: 31)!,
                      LocalDate(year: 1900, month: 1, day: 1)!, LocalDate(year: 1941, month: 7, day: 1)!])
    func oldDatesMatchTheCalendarToo(day: LocalDate) {
        // Before 1582 the calendar counts Julian days; before 1847 London kept its own mean time; in 1941 it
        // kept double summer time. A typo such as 0215 for 2015 lands in such years.
        #expect(LondonTime.instant(day, hour: 9, minute: 30) == calendarInstant(day, 9, 30))
    }

    @Test func aRepeatedHourIsTakenAtItsFirstSummerTimeOccurrence() {
        // 26 October 2025: 01:30 London happened at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        #expect(LondonTime.instant(LocalDate(year: 2025, month: 10, day: 26)!, hour: 1, minute: 30)
                == Date(timeIntervalSince1970: 1_761_438_600))
    }
}
