/// A bank holiday in England and Wales.
public struct BankHoliday: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }

    public static func < (lhs: BankHoliday, rhs: BankHoliday) -> Bool { lhs.date < rhs.date }
}

/// The England and Wales bank holidays the system ships with, 2014–2030 (DOMAIN.md, "Working days").
///
/// They follow the standing rules (substitute weekdays when a fixed holiday falls at a weekend) plus the
/// one-off changes proclaimed in those years: the early May holiday moved to VE Day in 2020, the spring
/// holiday moved and a Platinum Jubilee holiday added in June 2022, the State Funeral of Queen
/// Elizabeth II in September 2022 and the Coronation in May 2023. Later proclamations are added by the
/// officer (stored in the database), not by changing this list.
public enum EnglandAndWalesBankHolidays {
    public static let firstYear = 2014
    public static let lastYear = 2030

    /// Every shipped holiday, in date order.
    public static let all: [BankHoliday] = (firstYear...lastYear).flatMap(holidays(in:)).sorted()

    /// The holidays of one calendar year under the standing rules and the proclaimed changes above.
    static func holidays(in year: Int) -> [BankHoliday] {
        func date(_ month: Int, _ day: Int) -> LocalDate { LocalDate(everyYear: year, month: month, day: day) }
        var result: [BankHoliday] = []

        let newYear = date(1, 1)
        result.append(BankHoliday(date: nextWeekday(onOrAfter: newYear),
                                  name: newYear.isWeekend ? "New Year's Day (substitute day)" : "New Year's Day"))

        let easter = easterSunday(year)
        result.append(BankHoliday(date: easter.adding(days: -2), name: "Good Friday"))
        result.append(BankHoliday(date: easter.adding(days: 1), name: "Easter Monday"))

        if year == 2020 {
            result.append(BankHoliday(date: date(5, 8), name: "Early May bank holiday (VE day)"))
        } else {
            result.append(BankHoliday(date: firstMonday(of: 5, in: year), name: "Early May bank holiday"))
        }
        if year == 2022 {
            result.append(BankHoliday(date: date(6, 2), name: "Spring bank holiday"))
            result.append(BankHoliday(date: date(6, 3), name: "Platinum Jubilee bank holiday"))
            result.append(BankHoliday(date: date(9, 19), name: "Bank Holiday for the State Funeral of Queen Elizabeth II"))
        } else {
            result.append(BankHoliday(date: lastMonday(of: 5, in: year), name: "Spring bank holiday"))
        }
        if year == 2023 {
            result.append(BankHoliday(date: date(5, 8), name: "Bank holiday for the coronation of King Charles III"))
        }
        result.append(BankHoliday(date: lastMonday(of: 8, in: year), name: "Summer bank holiday"))

        // Christmas Day and Boxing Day: each takes the next weekday not already taken.
        let christmas = date(12, 25)
        let boxingDay = date(12, 26)
        let christmasObserved = nextWeekday(onOrAfter: christmas)
        var boxingObserved = nextWeekday(onOrAfter: boxingDay)
        if boxingObserved == christmasObserved { boxingObserved = nextWeekday(onOrAfter: boxingObserved.adding(days: 1)) }
        // When Christmas falls on a Sunday, Boxing Day (Monday) keeps its own day and Christmas moves to Tuesday.
        if christmas.isoWeekday == 7 {
            result.append(BankHoliday(date: boxingDay, name: "Boxing Day"))
            result.append(BankHoliday(date: date(12, 27), name: "Christmas Day (substitute day)"))
        } else {
            result.append(BankHoliday(date: christmasObserved,
                                      name: christmas.isWeekend ? "Christmas Day (substitute day)" : "Christmas Day"))
            result.append(BankHoliday(date: boxingObserved,
                                      name: boxingDay.isWeekend ? "Boxing Day (substitute day)" : "Boxing Day"))
        }
        return result
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(everyYear: year, month: month, day: day)
    }

    static func nextWeekday(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while day.isWeekend { day = day.adding(days: 1) }
        return day
    }

    static func firstMonday(of month: Int, in year: Int) -> LocalDate {
        let first = LocalDate(everyYear: year, month: month, day: 1)
        return first.adding(days: (8 - first.isoWeekday) % 7)
    }

    static func lastMonday(of month: Int, in year: Int) -> LocalDate {
        let last = LocalDate(everyYear: year, month: month, day: LocalDate.daysIn(month: month, year: year))
        return last.adding(days: -((last.isoWeekday - 1) % 7))
    }
}
