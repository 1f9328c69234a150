import Foundation

/// A message's `Date:` as RFC 5322 (3.3) writes it, in London's time with its offset:
/// `Tue, 03 Mar 2026 09:30:00 +0000`, `Wed, 15 Jul 2026 09:30:00 +0100`. English names whatever the
/// machine's locale, worked out without a formatter so the same instant always gives the same text.
enum MailDate {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func text(_ instant: Date) -> String {
        let utc = Int(instant.timeIntervalSince1970.rounded(.down))
        let offset = LondonTime.timeZone.secondsFromGMT(for: instant)
        let local = utc + offset
        let days = local.floorDivided(by: 86_400)
        let second = local - days * 86_400
        let date = LocalDate(dayNumber: days)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + twoDigits(abs(offset) / 3_600) + twoDigits(abs(offset) % 3_600 / 60)
        return "\(weekdays[date.isoWeekday - 1]), \(twoDigits(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(twoDigits(second / 3_600)):\(twoDigits(second % 3_600 / 60)):\(twoDigits(second % 60)) \(zone)"
    }

    static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
