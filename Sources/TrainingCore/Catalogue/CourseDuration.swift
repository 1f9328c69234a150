/// How long one session of a course lasts, in whole minutes. Written `3h`, `45m` or `2h30m`.
public struct CourseDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard minutes > 0, minutes <= 5 * 24 * 60 else { return nil }
        self.minutes = minutes
    }

    public var description: String {
        switch (minutes / 60, minutes % 60) {
        case (0, let m): return "\(m)m"
        case (let h, 0): return "\(h)h"
        case (let h, let m): return "\(h)h\(m)m"
        }
    }

    public static func < (lhs: CourseDuration, rhs: CourseDuration) -> Bool { lhs.minutes < rhs.minutes }

    /// Reads `3h`, `45m`, `2h30m` or `2h 30m`; a bare number is refused because it could mean either unit.
    public static func parse(_ text: String, at location: InputLocation = InputLocation()) throws -> CourseDuration {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        var hours = 0, minutes = 0, digits = "", sawUnit = false, valid = !compact.isEmpty
        var seenHours = false, seenMinutes = false
        for character in compact {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "h", !digits.isEmpty, !seenHours, !seenMinutes {
                hours = Int(digits) ?? -1; digits = ""; sawUnit = true; seenHours = true
            } else if character == "m", !digits.isEmpty, !seenMinutes {
                minutes = Int(digits) ?? -1; digits = ""; sawUnit = true; seenMinutes = true
            } else {
                valid = false
            }
        }
        // Added with overflow reported: "9223372036854775807h" is refused like any other impossible duration.
        let (hoursInMinutes, hoursOverflow) = hours.multipliedReportingOverflow(by: 60)
        let (total, totalOverflow) = hoursInMinutes.addingReportingOverflow(minutes)
        guard valid, sawUnit, digits.isEmpty, hours >= 0, minutes >= 0, !hoursOverflow, !totalOverflow,
              let duration = CourseDuration(minutes: total) else {
            throw InputError("'\(text)' is not a duration (write it like 3h, 45m or 2h30m)", at: location)
        }
        return duration
    }
}
