/// A file sent with a message (an agency's invoice workbook), written in base64.
public struct MailAttachment: Sendable, Hashable {
    /// The name the reader's mail program saves it as; any characters (RFC 2231 carries non-ASCII ones).
    public var filename: String
    /// A MIME type, `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`.
    public var contentType: String
    public var bytes: [UInt8]

    public init(filename: String, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// A calendar event carried by a message (RFC 6047): the `.ics` text and what it asks the calendar to do,
/// which the MIME part repeats as its `method` so Outlook shows it as an invitation or a cancellation.
public struct MailCalendarPart: Sendable, Hashable {
    public var method: CalendarMethod
    /// The whole iCalendar file, as `CalendarEvent.render(as:)` writes it.
    public var ics: String

    public init(method: CalendarMethod, ics: String) {
        self.method = method
        self.ics = ics
    }
}
