import Foundation

/// A whole number with its thousands grouped, as the board reads figures: 1234567 → "1,234,567", -1200 → "-1,200".
public func wholeNumberText(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(digit)
    }
    return (number < 0 ? "-" : "") + grouped
}

/// A share (0...1) as the whole percentage it is shown as, halves rounded away from zero: 0.5587 → 56.
public func wholePercent(_ share: Double) -> Int {
    Int((share * 100).rounded(.toNearestOrAwayFromZero))
}

/// A change in a percentage is a change in percentage points, never a percentage of a percentage:
/// 50% → 56% is "+6 pts" (issue 19). Worked out from the whole percentages as they are shown, so the change
/// always equals the difference of the two figures printed beside it (18% against 4% is +14 pts, though
/// 12 ÷ 65 less 2 ÷ 50 is 14.46 points).
public enum PercentagePoints {
    /// The change from one share to another in whole points; nil when either is missing (nothing to divide by).
    public static func change(from before: Double?, to now: Double?) -> Int? {
        guard let before, let now else { return nil }
        return wholePercent(now) - wholePercent(before)
    }

    /// "+6 pts", "-6 pts", "0 pts"; "–" for no change to show. Written as the workbook's number format writes it.
    public static func text(_ points: Int?) -> String {
        guard let points else { return "–" }
        return (points > 0 ? "+" : "") + "\(points) pts"
    }

    /// The workbook's number format for a change in points, so the cell stays a number: 6 shows "+6 pts".
    public static let numberFormat = #"+0" pts";-0" pts";0" pts""#
}
