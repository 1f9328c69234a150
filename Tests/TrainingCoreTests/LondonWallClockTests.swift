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
}
