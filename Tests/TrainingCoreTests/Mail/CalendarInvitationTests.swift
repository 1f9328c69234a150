import Foundation
import Testing
@testable import TrainingCore

@Suite("Calendar invitations by email")
struct CalendarInvitationTests {
    static let event = CalendarEvent(uid: "booking-12@training.lscp", sequence: 0, stamp: Date(timeIntervalSince1970: 0),
                                     start: Date(timeIntervalSince1970: 1_772_530_200), end: Date(timeIntervalSince1970: 1_772_541_000),
                                     summary: "Safeguarding, level 2", location: "Room 1", description: "Bring a pen.")

    static func invitation(_ method: CalendarMethod) throws -> CalendarInvitation {
        CalendarInvitation(method: method, organizer: try MailAddress("training@hsp.example.org", name: "Halifax Safeguarding Partnership"),
                           attendee: try MailAddress("sam@example.org", name: "Sam O'Brien"))
    }

    @Test func theDownloadIsByteForByteWhatItWas() {
        let expected = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Safeguarding Partnership//training//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE", "TZID:Europe/London", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
            "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "BEGIN:STANDARD", "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE", "BEGIN:VEVENT", "UID:booking-12@training.lscp", "SEQUENCE:0", "DTSTAMP:19700101T000000Z",
            "DTSTART;TZID=Europe/London:20260303T093000", "DTEND;TZID=Europe/London:20260303T123000", "SUMMARY:Safeguarding\\, level 2",
            "LOCATION:Room 1", "DESCRIPTION:Bring a pen.", "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(Self.event.render() == expected)
        var cancelled = Self.event
        cancelled.cancelled = true
        #expect(cancelled.render() == expected.replacingOccurrences(of: "METHOD:PUBLISH", with: "METHOD:CANCEL")
            .replacingOccurrences(of: "STATUS:CONFIRMED", with: "STATUS:CANCELLED"))
    }

    @Test func aRequestNamesTheOrganiserAndTheAttendee() throws {
        let text = Self.event.render(as: try Self.invitation(.request))
        #expect(text.contains("\r\nMETHOD:REQUEST\r\n"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nORGANIZER;CN=\"Halifax Safeguarding Partnership\":mailto:training@hsp.example.org\r\n"))
        #expect(unfolded.contains("\r\nATTENDEE;CN=\"Sam O'Brien\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:sam@example.org\r\n"))
        #expect(text.contains("\r\nSTATUS:CONFIRMED\r\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func aCancelHasTheSameUIDAHigherSequenceAndIsCancelled() throws {
        let text = Self.event.cancellation().render(as: try Self.invitation(.cancel))
        #expect(text.contains("\r\nMETHOD:CANCEL\r\n"))
        #expect(text.contains("\r\nUID:booking-12@training.lscp\r\nSEQUENCE:1\r\n"))
        #expect(text.contains("\r\nSTATUS:CANCELLED\r\n"))
        #expect(text.contains("\r\nORGANIZER;CN="))
    }
}
