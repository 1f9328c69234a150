import Foundation

/// A UK public-sector financial year, 1 April to 31 March, written `2015-16` (DOMAIN.md,
/// "Financial year"). Identified by the calendar year in which it starts.
public struct FinancialYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The calendar year of its 1 April.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The financial year a day falls in: January to March belong to the year that began the April before.
    public init(containing date: LocalDate) {
        self.startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public var firstDay: LocalDate { LocalDate(everyYear: startYear, month: 4, day: 1) }
    public var lastDay: LocalDate { LocalDate(everyYear: startYear + 1, month: 3, day: 31) }

    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    public var previous: FinancialYear { FinancialYear(startYear: startYear - 1) }
    public var next: FinancialYear { FinancialYear(startYear: startYear + 1) }

    /// Its four quarters, Q1 (Apr–Jun) to Q4 (Jan–Mar).
    public var quarters: [Quarter] { (1...4).map { Quarter(year: self, number: $0)! } }

    /// `2015-16`; the turn of a century is `1999-00`.
    public var description: String {
        String(format: "%04d-%02d", startYear, (startYear + 1) % 100)
    }

    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    /// Reads `2015-16` (also `2015/16`); the second part must be the year after the first.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> FinancialYear {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let start = Int(parts[0]), let end = Int(parts[1]) else {
            throw InputError("'\(text)' is not a financial year (write it like 2025-26)", at: location)
        }
        guard (start + 1) % 100 == end else {
            throw InputError("'\(text)' is not a financial year: \(parts[1]) does not follow \(parts[0]) (did you mean \(FinancialYear(startYear: start))?)", at: location)
        }
        // The whole year, 1 April to 31 March, lies within the dates the program accepts.
        guard LocalDate.supportedYears.contains(start), LocalDate.supportedYears.contains(start + 1) else {
            throw InputError("'\(text)' is outside the years this system keeps (\(FinancialYear(startYear: LocalDate.supportedYears.lowerBound)) to \(FinancialYear(startYear: LocalDate.supportedYears.upperBound - 1)))",
                             at: location)
        }
        return FinancialYear(startYear: start)
    }

    public init(from decoder: Decoder) throws {
        self = try FinancialYear.parse(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A quarter of a financial year: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. Written `2025-26-Q1`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: FinancialYear
    /// 1 to 4.
    public let number: Int

    public init?(year: FinancialYear, number: Int) {
        guard (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    public init(containing date: LocalDate) {
        self.year = FinancialYear(containing: date)
        // April (4) → Q1 ... March (3) → Q4.
        self.number = ((date.month + 8) % 12) / 3 + 1
    }

    public var firstDay: LocalDate {
        let month = (number * 3) % 12 + 1  // Q1→4, Q2→7, Q3→10, Q4→1
        return LocalDate(everyYear: number == 4 ? year.startYear + 1 : year.startYear, month: month, day: 1)
    }

    public var lastDay: LocalDate {
        let lastMonth = (number * 3 + 2) % 12 + 1  // Q1→6, Q2→9, Q3→12, Q4→3
        let calendarYear = number == 4 ? year.startYear + 1 : year.startYear
        return LocalDate(everyYear: calendarYear, month: lastMonth, day: LocalDate.daysIn(month: lastMonth, year: calendarYear))
    }

    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    public var description: String { "\(year)-Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    /// Reads `2025-26-Q1` (also `2025-26 Q1`).
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> Quarter {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let qIndex = trimmed.lastIndex(where: { $0 == "Q" || $0 == "q" }) else {
            throw InputError("'\(text)' is not a quarter (write it like 2025-26-Q1)", at: location)
        }
        var yearPart = String(trimmed[..<qIndex])
        while let last = yearPart.last, last == "-" || last == " " { yearPart.removeLast() }
        let year = try FinancialYear.parse(yearPart, at: location)
        guard let number = Int(trimmed[trimmed.index(after: qIndex)...]),
              let quarter = Quarter(year: year, number: number) else {
            throw InputError("'\(text)' is not a quarter: the quarter is Q1, Q2, Q3 or Q4", at: location)
        }
        return quarter
    }
}

/// A span of days a report covers — a financial year or one of its quarters — compared with the same span
/// a year earlier (DOMAIN.md: every report is by financial year, compared with the year before).
public protocol ReportingPeriod: Sendable, Hashable, CustomStringConvertible {
    var firstDay: LocalDate { get }
    var lastDay: LocalDate { get }
    /// The same span a year earlier.
    var yearEarlier: Self { get }
    /// The financial year it falls in, whose declared workforces it is measured against.
    var financialYear: FinancialYear { get }
    /// The quarters it covers.
    var quarters: [Quarter] { get }
}

extension FinancialYear: ReportingPeriod {
    public var yearEarlier: FinancialYear { previous }
    public var financialYear: FinancialYear { self }
}

extension Quarter: ReportingPeriod {
    public var yearEarlier: Quarter { Quarter(year: year.previous, number: number)! }
    public var financialYear: FinancialYear { year }
    public var quarters: [Quarter] { [self] }
}
