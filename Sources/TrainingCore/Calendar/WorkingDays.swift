/// The partnership's working calendar: Monday to Friday, less England and Wales bank holidays
/// (the shipped list plus any the officer has added). DOMAIN.md, "Working days".
public struct WorkingCalendar: Sendable {
    public let holidays: Set<LocalDate>

    /// The shipped bank holidays together with `extraHolidays` (those the officer added).
    public init(extraHolidays: [LocalDate] = []) {
        self.holidays = Set(EnglandAndWalesBankHolidays.all.map(\.date)).union(extraHolidays)
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !date.isWeekend && !holidays.contains(date)
    }

    /// The notice given by a cancellation made on `cancelledOn` for a session starting on `sessionDate`:
    /// the whole working days strictly between the two. The day of the cancellation is not whole (part of
    /// it has gone) and the session's own day is not notice. Cancelling on or after the session day gives 0.
    public func noticeInWorkingDays(cancelledOn: LocalDate, sessionDate: LocalDate) -> Int {
        guard cancelledOn.adding(days: 1) < sessionDate else { return 0 }
        var count = 0
        var day = cancelledOn.adding(days: 1)
        while day < sessionDate {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }

    /// The working day `count` working days before `date` (used for booking cut-offs).
    public func workingDay(_ count: Int, before date: LocalDate) -> LocalDate {
        workingDay(count, from: date, step: -1)
    }

    /// The working day `count` working days after `date` (`date` itself when `count` is 0): how far ahead the
    /// officer's "needs attention" page looks for booking cut-offs.
    public func workingDay(_ count: Int, after date: LocalDate) -> LocalDate {
        workingDay(count, from: date, step: 1)
    }

    private func workingDay(_ count: Int, from date: LocalDate, step: Int) -> LocalDate {
        var day = date
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }
}
