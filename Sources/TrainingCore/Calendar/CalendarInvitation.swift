/// What turns a calendar event into an invitation sent by email (RFC 5546, iTIP): the method, who
/// organises it (the partnership, at its mail-from address) and who is invited (the learner). A
/// `REQUEST` adds the event to the learner's calendar or updates it (same UID, a higher SEQUENCE); a
/// `CANCEL` removes it.
public struct CalendarInvitation: Sendable, Hashable {
    public var method: CalendarMethod
    /// The partnership: its name and mail-from address.
    public var organizer: MailAddress
    /// The learner.
    public var attendee: MailAddress

    public init(method: CalendarMethod, organizer: MailAddress, attendee: MailAddress) {
        self.method = method
        self.organizer = organizer
        self.attendee = attendee
    }
}

extension CalendarEvent {
    /// The event as an emailed invitation: `METHOD:REQUEST` or `METHOD:CANCEL`, with ORGANIZER and
    /// ATTENDEE, and `STATUS:CANCELLED` for a cancel. The SEQUENCE is the event's own: a cancel must carry
    /// a higher one than the request it withdraws (`cancellation()` makes one). The downloads' `render()`
    /// is unchanged.
    public func render(as invitation: CalendarInvitation) -> String {
        let participants = [
            "ORGANIZER\(Self.commonName(invitation.organizer)):mailto:\(invitation.organizer.address)",
            "ATTENDEE\(Self.commonName(invitation.attendee));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"
                + ":mailto:\(invitation.attendee.address)",
        ]
        return Self.file(lines(method: invitation.method.rawValue, cancelled: invitation.method == .cancel, participants: participants))
    }

    /// The same event cancelled, one sequence number on, so a calendar that holds the event replaces it.
    public func cancellation() -> CalendarEvent {
        var cancelled = self
        cancelled.cancelled = true
        cancelled.sequence += 1
        return cancelled
    }

    /// `;CN="Name"` for a named participant: a parameter value is quoted and cannot hold a double quote
    /// (RFC 5545, 3.1), so one becomes a single quote.
    static func commonName(_ mailbox: MailAddress) -> String {
        guard let name = mailbox.name else { return "" }
        return ";CN=\"\(name.replacingOccurrences(of: "\"", with: "'"))\""
    }
}
