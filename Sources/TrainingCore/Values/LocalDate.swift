import Foundation

/// A calendar date with no time and no zone: a day on the partnership's calendar (Europe/London).
///
/// Arithmetic is done on a day number (days since 1970-01-01) using the proleptic Gregorian
/// calendar, so it needs no `Calendar` and no time zone.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date given to the program may fall in: from files, forms, the command line or the web
    /// address. Every calendar function is defined well beyond them, so no date read from input — nor the
    /// year before or after it that reports compare with — can stop the program (issue 16, finding 1).
    public static let supportedYears: ClosedRange<Int> = 1900...2999

    /// Creates a date, or returns nil when the day does not exist (31 April, 29 February 2025).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day whose month and day exist in every year (1 April, 31 March, the first or last of a month
    /// worked out for `year`): built from its day number, so it is a date for any year at all and needs
    /// no unwrapping.
    init(everyYear year: Int, month: Int, day: Int) {
        self.init(dayNumber: LocalDate.dayNumber(year: year, month: month, day: day))
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int { LocalDate.dayNumber(year: year, month: month, day: day) }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit: every stored date and audit entry goes through here, and `String(format:)`
        // costs many times more.
        let digits: [UInt8] = [
            UInt8(48 + year / 1000 % 10), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10), UInt8(48 + year % 10), 45,
            UInt8(48 + month / 10), UInt8(48 + month % 10), 45, UInt8(48 + day / 10), UInt8(48 + day % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    /// Reads `YYYY-MM-DD` or the British `DD/MM/YYYY` that spreadsheets export.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> LocalDate {
        if let date = isoDate(text) { return try date.supported(text, at: location) }
        let trimmed = text.trimmingSpaces()
        // Digits and separators only: Int alone would also read "+025" as 25.
        let digitsOnly = trimmed.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" || $0 == "/" }
        let isoParts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let ukParts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        var numbers: (y: Int, m: Int, d: Int)?
        if digitsOnly, isoParts.count == 3, isoParts[0].count == 4, isoParts[1].count == 2, isoParts[2].count == 2,
           let y = Int(isoParts[0]), let m = Int(isoParts[1]), let d = Int(isoParts[2]) {
            numbers = (y, m, d)
        } else if digitsOnly, ukParts.count == 3, (1...2).contains(ukParts[0].count), (1...2).contains(ukParts[1].count),
                  ukParts[2].count == 4,
                  let d = Int(ukParts[0]), let m = Int(ukParts[1]), let y = Int(ukParts[2]) {
            numbers = (y, m, d)
        }
        guard let numbers else {
            throw InputError("'\(text)' is not a date (write YYYY-MM-DD or DD/MM/YYYY)", at: location)
        }
        guard let date = LocalDate(year: numbers.y, month: numbers.m, day: numbers.d) else {
            throw InputError("'\(text)' is not a day on the calendar", at: location)
        }
        return try date.supported(text, at: location)
    }

    /// The date itself when its year is one of `supportedYears`.
    func supported(_ text: String, at location: InputLocation) throws -> LocalDate {
        guard LocalDate.supportedYears.contains(year) else {
            throw InputError("'\(text)' is outside the years this system keeps (\(LocalDate.supportedYears.lowerBound) to \(LocalDate.supportedYears.upperBound))",
                             at: location)
        }
        return self
    }

    /// The date of text that is exactly `YYYY-MM-DD` and a day on the calendar, read from its bytes; nil for
    /// anything else, which `parse` then reads (or refuses) the longer way. Most dates in a file are so written.
    static func isoDate(_ text: String) -> LocalDate? {
        var text = text
        return text.withUTF8 { bytes -> LocalDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LocalDate.parse(text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
