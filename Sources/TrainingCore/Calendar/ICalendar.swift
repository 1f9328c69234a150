import Foundation

/// One calendar event as an iCalendar file (RFC 5545), so a booking lands in the learner's Outlook.
///
/// Times are written in Europe/London with a VTIMEZONE that carries the UK's daylight-saving rule; the
/// UID is stable for the booking, so a later file with `STATUS:CANCELLED` and a higher SEQUENCE removes
/// the same event from the calendar.
public struct CalendarEvent: Sendable, Hashable {
    public var uid: String
    public var sequence: Int
    public var stamp: Date
    public var start: Date
    public var end: Date
    public var summary: String
    public var location: String?
    public var url: String?
    public var description: String?
    public var cancelled: Bool

    public init(uid: String, sequence: Int, stamp: Date, start: Date, end: Date, summary: String,
                location: String? = nil, url: String? = nil, description: String? = nil, cancelled: Bool = false) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.url = url
        self.description = description
        self.cancelled = cancelled
    }

    /// The whole file, lines ending CRLF and folded at 75 octets, for a download: published, or cancelled
    /// when the event is.
    public func render() -> String {
        Self.file(lines(method: cancelled ? "CANCEL" : "PUBLISH", cancelled: cancelled, participants: []))
    }

    /// The file's lines, unfolded: the calendar's `method`, the event's status and the participant lines
    /// (ORGANIZER, ATTENDEE) an emailed invitation adds before it.
    func lines(method: String, cancelled: Bool, participants: [String]) -> [String] {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Safeguarding Partnership//training//EN",
            "CALSCALE:GREGORIAN", "METHOD:\(method)",
            "BEGIN:VTIMEZONE", "TZID:Europe/London",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
            "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
            "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:\(uid)",
            "SEQUENCE:\(sequence)",
            "DTSTAMP:\(Self.utc(stamp))",
            "DTSTART;TZID=Europe/London:\(Self.london(start))",
            "DTEND;TZID=Europe/London:\(Self.london(end))",
            "SUMMARY:\(Self.escape(summary))",
        ]
        if let location { lines.append("LOCATION:\(Self.escape(location))") }
        if let url { lines.append("URL:\(url)") }
        if let description { lines.append("DESCRIPTION:\(Self.escape(description))") }
        lines += participants
        lines += ["STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")", "END:VEVENT", "END:VCALENDAR"]
        return lines
    }

    /// Lines joined as the file writes them: each folded, each ending CRLF.
    static func file(_ lines: [String]) -> String {
        lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Escapes text values: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Splits a line longer than 75 octets into continuation lines starting with a space, never inside
    /// a UTF-8 character.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    static func london(_ date: Date) -> String {
        let p = LondonTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
