import Foundation

/// The partnership's clock. Instants are stored in UTC; people read and write them in Europe/London,
/// where the hour changes twice a year.
public enum LondonTime {
    public static let timeZone: TimeZone = TimeZone(identifier: "Europe/London")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// The London calendar day an instant falls on.
    public static func date(of instant: Date) -> LocalDate {
        let clock = wallClock(of: instant)
        return LocalDate(everyYear: clock.year, month: clock.month, day: clock.day)
    }

    /// The London wall-clock reading of an instant, to the minute. Worked out from London's offset for
    /// the instant's UTC hour (remembered: the clocks change on the hour, 01:00 UTC) and the days since
    /// 1970, because Calendar.dateComponents costs microseconds and the export reads a million of them.
    static func wallClock(of instant: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = utc + offsets.seconds(forUTCHour: utc.floorDivided(by: 3_600))
        let days = local.floorDivided(by: 86_400)
        let secondOfDay = local - days * 86_400
        let date = LocalDate(dayNumber: days)
        return (date.year, date.month, date.day, secondOfDay / 3_600, secondOfDay % 3_600 / 60)
    }

    /// London's offset from UTC for each UTC hour asked about, remembered.
    final class HourlyOffsets: @unchecked Sendable {
        private let lock = NSLock()
        private var byHour: [Int: Int] = [:]

        func seconds(forUTCHour hour: Int) -> Int {
            if let known = lock.withLock({ byHour[hour] }) { return known }
            let offset = LondonTime.timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour) * 3_600))
            lock.withLock { byHour[hour] = offset }
            return offset
        }
    }

    static let offsets = HourlyOffsets()

    /// The instant of a London wall-clock time. Times skipped when clocks go forward move on by the gap;
    /// times repeated when clocks go back take the first (summer-time) occurrence.
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        // By arithmetic when London keeps one offset from a day before to a day after (all but the two days
        // of the year when the clocks change): `Calendar.date(from:)` costs microseconds, and a history import
        // reads a million dates. Only from 1900: before 15 October 1582 the calendar counts Julian days,
        // which the day number does not.
        let local = date.dayNumber * 86_400 + hour * 3_600 + minute * 60
        if date.year >= 1900 {
            let before = offsets.seconds(forUTCHour: (local - 86_400).floorDivided(by: 3_600))
            let after = offsets.seconds(forUTCHour: (local + 86_400).floorDivided(by: 3_600))
            if before == after, offsets.seconds(forUTCHour: (local - before).floorDivided(by: 3_600)) == before {
                return Date(timeIntervalSince1970: Double(local - before))
            }
        }
        let parts = DateComponents(timeZone: timeZone, year: date.year, month: date.month, day: date.day,
                                   hour: hour, minute: minute)
        // Calendar answers for every date a LocalDate can hold; the day number's own instant stands in should it not.
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: Double(local))
    }

    /// The first instant of a London day (midnight), for day and year boundaries in queries.
    public static func startOfDay(_ date: LocalDate) -> Date { instant(date) }

    /// The London wall-clock time of an instant as `YYYY-MM-DD HH:MM`.
    public static func format(_ instant: Date) -> String {
        let clock = wallClock(of: instant)
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(clock.year, 4))-\(padded(clock.month, 2))-\(padded(clock.day, 2)) \(padded(clock.hour, 2)):\(padded(clock.minute, 2))"
    }

    /// The London wall-clock time of an instant as `YYYYMMDD-HHMMSS`, for naming a file after it.
    public static func fileStamp(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// Reads a London date with an optional time: a day alone gives `defaultHour:defaultMinute` that day.
    public static func parse(_ text: String, defaultHour: Int, defaultMinute: Int = 0, at location: InputLocation = InputLocation()) throws -> Date {
        if let date = LocalDate.isoDate(text) { return instant(date, hour: defaultHour, minute: defaultMinute) }
        let trimmed = text.trimmingSpaces()
        if trimmed.contains(where: { $0 == "T" || $0 == " " }) { return try parse(trimmed, at: location) }
        return instant(try LocalDate.parse(trimmed, at: location), hour: defaultHour, minute: defaultMinute)
    }

    /// Reads a London date and time written `YYYY-MM-DD HH:MM`, `YYYY-MM-DDTHH:MM` or `DD/MM/YYYY HH:MM`.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> Date {
        let trimmed = text.trimmingSpaces()
        let separator = trimmed.firstIndex(where: { $0 == "T" || $0 == " " })
        guard let separator else {
            throw InputError("'\(text)' is not a date and time (write YYYY-MM-DD HH:MM, London time)", at: location)
        }
        let date = try LocalDate.parse(String(trimmed[..<separator]), at: location)
        let clock = trimmed[trimmed.index(after: separator)...].trimmingSpaces()
        let pieces = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces.allSatisfy({ $0.count == 2 }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1]),
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw InputError("'\(text)' has no valid time of day (write HH:MM on the 24-hour clock)", at: location)
        }
        return instant(date, hour: hour, minute: minute)
    }
}

extension Int {
    /// The quotient rounded down, also for negative numbers (instants before 1970).
    public func floorDivided(by divisor: Int) -> Int { self >= 0 ? self / divisor : (self - divisor + 1) / divisor }
}

extension FinancialYear {
    /// The instants the year covers in London time: from 1 April 00:00 up to (not including) the next 1 April.
    public var instants: Range<Date> {
        LondonTime.startOfDay(firstDay)..<LondonTime.startOfDay(next.firstDay)
    }
}

extension Quarter {
    /// The instants the quarter covers in London time.
    public var instants: Range<Date> {
        LondonTime.startOfDay(firstDay)..<LondonTime.startOfDay(lastDay.adding(days: 1))
    }
}
