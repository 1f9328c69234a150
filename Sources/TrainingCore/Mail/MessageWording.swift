import Foundation

/// How a message writes dates, times and money: in full, as a person reads them, in London time.
public enum MessageWording {
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                 "October", "November", "December"]

    /// "Tuesday 3 March 2026".
    public static func longDate(_ date: LocalDate) -> String {
        "\(weekdays[date.isoWeekday - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "09:30 to 12:30", London wall-clock times.
    public static func times(from start: Date, to end: Date) -> String {
        "\(clock(start)) to \(clock(end))"
    }

    /// "09:30", the London wall-clock time of an instant.
    public static func clock(_ instant: Date) -> String {
        String(LondonTime.format(instant).suffix(5))
    }

    /// "£45.00".
    public static func money(_ amount: Pence) -> String { amount.description }
}
