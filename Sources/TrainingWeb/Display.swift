import Foundation
import TrainingCore
import TrainingStore

/// How the pages write dates, times and statuses for people (all in London time).
enum Display {
    private static let formatter = londonFormatter("EEE d MMM yyyy, HH:mm")
    private static let timeFormatter = londonFormatter("HH:mm")
    private static let dayFormatter = londonFormatter("EEE d MMM yyyy")

    private static func londonFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = LondonTime.timeZone
        formatter.dateFormat = format
        return formatter
    }

    /// January to December, in English.
    static let monthNames = formatter.standaloneMonthSymbols

    /// `Mon 17 Nov 2025, 09:30 to 12:30`.
    static func session(_ start: Date, _ end: Date) -> String {
        "\(formatter.string(from: start)) to \(timeFormatter.string(from: end))"
    }

    static func instant(_ date: Date) -> String { formatter.string(from: date) }

    /// A calendar day: `Fri 14 Nov 2025`.
    static func day(_ date: LocalDate) -> String { dayFormatter.string(from: LondonTime.instant(date, hour: 12)) }

    /// A stored value as words: `face-to-face` as `Face to face`, `non-attendance` as `Did not attend`,
    /// `foundation` as `Foundation`.
    static func words(_ raw: String) -> String {
        let said = ["face-to-face": "Face to face", "e-learning": "E-learning", "late-cancellation": "Late cancellation",
                    "non-attendance": "Did not attend"][raw] ?? raw
        return said.prefix(1).uppercased() + said.dropFirst()
    }

    /// The quarter an invoice bills, as `2025-26-Q2`.
    static func period(of invoice: Invoice) -> String {
        "\(FinancialYear(startYear: invoice.financialYear))-Q\(invoice.quarter)"
    }

    /// A booking's status in words.
    static func status(_ raw: String) -> String {
        switch raw {
        case "confirmed": return "Confirmed"
        case "waitlisted": return "On the waiting list"
        case "cancelled": return "Cancelled"
        case "attended": return "Attended"
        case "did-not-attend": return "Did not attend"
        case "no-place-came-up": return "No place came up"
        case "scheduled": return "Open"
        case "delivered": return "Delivered"
        default: return raw
        }
    }
}
