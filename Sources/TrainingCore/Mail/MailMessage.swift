import Foundation

/// One email as it leaves the system: who it is from and to, what it says (plain text and HTML that
/// agree), the calendar event it carries and its attachments. `rendered()` writes it as RFC 5322 bytes
/// every transport sends as they are (SMTP's DATA, `sendmail`'s input, a Maildir file).
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var replyTo: MailAddress?
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var subject: String
    public var text: String
    public var html: String
    /// The event to add to or take from the reader's calendar, if the message carries one.
    public var calendar: MailCalendarPart?
    public var attachments: [MailAttachment]
    public var messageID: MailMessageID
    public var date: Date

    public init(from: MailAddress, replyTo: MailAddress? = nil, to: [MailAddress], cc: [MailAddress] = [],
                subject: String, text: String, html: String, calendar: MailCalendarPart? = nil,
                attachments: [MailAttachment] = [], messageID: MailMessageID, date: Date) {
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.subject = subject
        self.text = text
        self.html = html
        self.calendar = calendar
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
    }

    /// The whole message: CRLF line ends, no line longer than 998 octets whatever it says, and the same
    /// bytes each time it is rendered (its MIME boundaries come from its Message-ID).
    ///
    /// A message with neither attachment nor event is one `multipart/alternative` (plain text, then HTML).
    /// Otherwise it is `multipart/mixed`: the alternative (with the event as `text/calendar` last, the part
    /// a calendar-aware reader prefers), then each attachment, then the event again as `invite.ics` for
    /// the mail programs that ignore a calendar alternative.
    public func rendered() -> [UInt8] {
        let body = MIMEEntity.body(of: self)
        var headers = [HeaderText.fold("Date", [MailDate.text(date)]), HeaderText.fold("From", from.headerWords)]
        if let replyTo { headers.append(HeaderText.fold("Reply-To", replyTo.headerWords)) }
        if !to.isEmpty { headers.append(HeaderText.fold("To", MailAddress.listWords(to))) }
        if !cc.isEmpty { headers.append(HeaderText.fold("Cc", MailAddress.listWords(cc))) }
        headers += [HeaderText.fold("Subject", HeaderText.words(subject, headerName: "Subject")),
                    HeaderText.fold("Message-ID", [messageID.text]), "MIME-Version: 1.0"]
        return Array((body.text(withHeaders: headers) + "\r\n").utf8)
    }
}
