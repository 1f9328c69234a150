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
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The instant of a London wall-clock time. Times skipped when clocks go forward move on by the gap;
    /// times repeated when clocks go back take the first (summer-time) occurrence.
    public static func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0) -> Date {
        let parts = DateComponents(timeZone: timeZone, year: date.year, month: date.month, day: date.day,
                                   hour: hour, minute: minute)
        return calendar.date(from: parts)!
    }

    /// The first instant of a London day (midnight), for day and year boundaries in queries.
    public static func startOfDay(_ date: LocalDate) -> Date { instant(date) }

    /// The London wall-clock time of an instant as `YYYY-MM-DD HH:MM`.
    public static func format(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// Reads a London date with an optional time: a day alone gives `defaultHour:defaultMinute` that day.
    public static func parse(_ text: String, defaultHour: Int, defaultMinute: Int = 0, at location: InputLocation = InputLocation()) throws -> Date {
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
