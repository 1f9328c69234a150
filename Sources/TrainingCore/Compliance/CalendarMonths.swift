extension LocalDate {
    /// The same day `months` calendar months later (earlier when negative), or the last day of that month
    /// when it is shorter: 31 January + 1 month is 28 February (29 in a leap year), and 29 February 2024 +
    /// 12 months is 28 February 2025. The refresher rule counts its interval so (issue 22).
    public func adding(months: Int) -> LocalDate {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex.floorDivided(by: 12)
        let newMonth = monthIndex - newYear * 12 + 1
        return LocalDate(everyYear: newYear, month: newMonth, day: min(day, LocalDate.daysIn(month: newMonth, year: newYear)))
    }
}
