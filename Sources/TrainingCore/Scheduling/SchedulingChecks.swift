import Foundation

/// Something about a session's start the officer should know before scheduling it: refused unless the
/// officer goes ahead (issue 17; SchedulingRules).
public enum SchedulingConcern: Sendable, Hashable, CustomStringConvertible {
    case inThePast(Date)
    case weekend(LocalDate)
    case bankHoliday(LocalDate, name: String?)

    public var description: String {
        switch self {
        case .inThePast(let start): "it starts in the past (\(LondonTime.format(start)))"
        case .weekend(let day): "\(day) is a \(day.isoWeekday == 6 ? "Saturday" : "Sunday")"
        case .bankHoliday(let day, let name?): "\(day) is a bank holiday (\(name))"
        case .bankHoliday(let day, nil): "\(day) is a bank holiday"
        }
    }
}

extension WorkingCalendar {
    /// What to warn of when scheduling a session starting at `start`, it being `now`: a start in the past,
    /// on a Saturday or Sunday, or on a bank holiday (the shipped list and any the officer added).
    public func schedulingConcerns(start: Date, now: Date) -> [SchedulingConcern] {
        let day = LondonTime.date(of: start)
        var concerns: [SchedulingConcern] = []
        if start < now { concerns.append(.inThePast(start)) }
        if day.isWeekend { concerns.append(.weekend(day)) }
        if holidays.contains(day) {
            concerns.append(.bankHoliday(day, name: EnglandAndWalesBankHolidays.all.first { $0.date == day }?.name))
        }
        return concerns
    }
}

extension LondonTime {
    /// Reads a London date and time as `parse` does, but refuses a time the clocks skip when they go forward
    /// in spring (01:00–01:59 on the last Sunday of March), which `instant` would move on by the hour: a
    /// session's start must be a time that happens.
    public static func parseExisting(_ text: String, at location: InputLocation = InputLocation()) throws -> Date {
        let instant = try parse(text, at: location)
        let trimmed = text.trimmingSpaces()
        // `parse` reads only text with a date, a separator and a time, so the separator is there.
        guard let separator = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) else { return instant }
        let date = try LocalDate.parse(String(trimmed[..<separator]), at: location)
        let clock = wallClock(of: instant)
        let asked = trimmed[trimmed.index(after: separator)...].trimmingSpaces()
        guard clock.year == date.year, clock.month == date.month, clock.day == date.day, format(instant).hasSuffix(asked) else {
            throw InputError("\(date) \(asked) does not happen in London: the clocks go forward an hour that night, "
                             + "so the time jumps to \(format(instant).suffix(5)); give a time outside the gap", at: location)
        }
        return instant
    }
}
