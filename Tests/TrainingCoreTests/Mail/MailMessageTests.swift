import Foundation
import Testing
@testable import TrainingCore

@Suite("MIME messages")
struct MailMessageTests {
    static let partnership = "Halifax Safeguarding Partnership"
    // 09:30 UTC on Tuesday 3 March 2026, when London keeps GMT.
    static let tuesdayMorning = Date(timeIntervalSince1970: 1_772_530_200)

    static func message(text: String = "Hello Sam,\nCafé = £5.\n", calendar: MailCalendarPart? = nil,
                        attachments: [MailAttachment] = []) throws -> MailMessage {
        let from = try MailAddress("training@hsp.example.org", name: partnership)
        return MailMessage(from: from, to: [try MailAddress("sam@example.org", name: "Sam O'Brien")], subject: "Place confirmed",
                           text: text, html: "<p>Hello Sam,</p>", calendar: calendar, attachments: attachments,
                           messageID: MailMessageID(outboxID: 7, partnershipName: partnership, mailFrom: from), date: tuesdayMorning)
    }

    static func text(_ message: MailMessage) -> String { String(decoding: message.rendered(), as: UTF8.self) }

    @Test func theMessageIDIsTheRowThePartnershipAndTheSendersDomain() throws {
        // FNV-1a (64 bits) of "Halifax Safeguarding Partnership" is 332af2fc7c44fb1e.
        let from = try MailAddress("training@HSP.example.org")
        #expect(MailMessageID(outboxID: 7, partnershipName: Self.partnership, mailFrom: from).text == "<7.332af2fc7c44fb1e@hsp.example.org>")
    }

    @Test func aSmallMessageRendersToExactlyTheseBytes() throws {
        // The boundary is "=_alt_" and FNV-1a of "alternative" followed by the Message-ID.
        let expected = """
            Date: Tue, 03 Mar 2026 09:30:00 +0000\r
            From: "Halifax Safeguarding Partnership" <training@hsp.example.org>\r
            To: "Sam O'Brien" <sam@example.org>\r
            Subject: Place confirmed\r
            Message-ID: <7.332af2fc7c44fb1e@hsp.example.org>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/alternative; boundary="=_alt_cf37f4bc7b07cb48"\r
            \r
            --=_alt_cf37f4bc7b07cb48\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Hello Sam,\r
            Caf=C3=A9 =3D =C2=A35.\r
            \r
            --=_alt_cf37f4bc7b07cb48\r
            Content-Type: text/html; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            <p>Hello Sam,</p>\r
            --=_alt_cf37f4bc7b07cb48--\r

            """
        #expect(Self.text(try Self.message()) == expected)
    }

    @Test func theDateIsWrittenInLondonsTimeWithItsOffset() {
        #expect(MailDate.text(Date(timeIntervalSince1970: 1_784_104_200)) == "Wed, 15 Jul 2026 09:30:00 +0100")
        #expect(MailDate.text(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 01:00:00 +0100")
    }

    @Test func anEventAndAnAttachmentMakeAMixedMessageWithTheAlternativeFirst() throws {
        let workbook = MailAttachment(filename: "Invoice HSP-0042.xlsx",
                                      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                      bytes: Array(repeating: 0x50, count: 200))
        let ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
        let text = Self.text(try Self.message(calendar: MailCalendarPart(method: .request, ics: ics), attachments: [workbook]))
        let contentTypes = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("Content-Type:") }
        #expect(contentTypes == [
            "Content-Type: multipart/mixed; boundary=\"=_mix_b20586a2d2b1eff8\"",
            "Content-Type: multipart/alternative; boundary=\"=_alt_cf37f4bc7b07cb48\"",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Type: text/calendar; charset=UTF-8; method=REQUEST",
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Type: application/ics",
        ])
        #expect(text.contains("Content-Disposition: attachment; filename=\"Invoice HSP-0042.xlsx\"\r\n"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"invite.ics\"\r\n"))
        #expect(text.contains("--=_alt_cf37f4bc7b07cb48--\r\n--=_mix_b20586a2d2b1eff8\r\n"))
        #expect(text.hasSuffix("--=_mix_b20586a2d2b1eff8--\r\n"))
        // The event once as the calendar alternative (quoted-printable) and once as invite.ics (base64).
        #expect(text.contains("\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n\r\n--=_alt_"))
        #expect(text.contains(Base64Lines.encode(Array(ics.utf8))))
    }

    @Test func aNonASCIIFileNameIsWrittenAsRFC2231() {
        #expect(MIMEParameters.attachmentDisposition(filename: "Siân.xlsx")
                == "Content-Disposition: attachment;\r\n filename*=UTF-8''Si%C3%A2n.xlsx")
        let long = MIMEParameters.attachmentDisposition(filename: String(repeating: "é", count: 40) + ".xlsx")
        let lines = long.components(separatedBy: "\r\n")
        #expect(lines.count > 2)
        #expect(lines[1].hasPrefix(" filename*0*=UTF-8''%C3%A9"))
        #expect(lines[2].hasPrefix(" filename*1*=%C3%A9"))
        for line in lines { #expect(line.utf8.count <= 78) }
    }

    @Test func aContentTypeThatIsNotOneBecomesOctetStream() {
        #expect(MIMEParameters.contentType("text/html\r\nBcc: x@y.z") == "application/octet-stream")
        #expect(MIMEParameters.contentType("application/pdf") == "application/pdf")
    }

    @Test func noLineIsLongerThan998OctetsEvenForAFiveThousandCharacterLine() throws {
        let body = String(repeating: "Siân's very long line with no break at all, ", count: 112).prefix(5_000)
        var message = try Self.message(text: String(body))
        message.subject = String(repeating: "x", count: 2_000)
        message.to.append(try MailAddress("b@example.org", name: String(repeating: "Ó", count: 600)))
        let lines = Self.text(message).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func theSameMessageRendersToTheSameBytesTwice() throws {
        let message = try Self.message(calendar: MailCalendarPart(method: .cancel, ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
                                       attachments: [MailAttachment(filename: "a.txt", contentType: "text/plain", bytes: [65])])
        #expect(message.rendered() == message.rendered())
        #expect(try Self.message().rendered() == Self.message().rendered())
    }

    @Test func everyLineEndsCRLF() throws {
        let bytes = try Self.message(text: "a\nb\rc\r\nd").rendered()
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D)
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A)
        }
    }
}
