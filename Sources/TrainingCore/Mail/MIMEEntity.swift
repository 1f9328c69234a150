/// One part of a MIME message (RFC 2045, 2046): its header lines and encoded body, or a multipart whose
/// parts are set off by a boundary.
enum MIMEEntity {
    case single(headers: [String], body: String)
    indirect case multipart(subtype: String, boundary: String, parts: [MIMEEntity])

    /// The entity as text: the header lines given first, then its own, a blank line and its body.
    func text(withHeaders extra: [String] = []) -> String {
        switch self {
        case .single(let headers, let body):
            return (extra + headers).joined(separator: "\r\n") + "\r\n\r\n" + body
        case .multipart(let subtype, let boundary, let parts):
            let header = "Content-Type: multipart/\(subtype); boundary=\"\(boundary)\""
            let delimited = parts.map { "--\(boundary)\r\n" + $0.text() + "\r\n" }.joined()
            return (extra + [header]).joined(separator: "\r\n") + "\r\n\r\n" + delimited + "--\(boundary)--"
        }
    }

    /// A message's structure and parts.
    static func body(of message: MailMessage) -> MIMEEntity {
        var alternatives = [text(message.text, type: "text/plain"), text(message.html, type: "text/html")]
        if let calendar = message.calendar {
            alternatives.append(text(calendar.ics, type: "text/calendar", parameters: "; method=\(calendar.method.rawValue)"))
        }
        let alternative = MIMEEntity.multipart(subtype: "alternative", boundary: boundary("alternative", message), parts: alternatives)
        var files = message.attachments
        if let calendar = message.calendar {
            files.append(MailAttachment(filename: "invite.ics", contentType: "application/ics", bytes: Array(calendar.ics.utf8)))
        }
        guard !files.isEmpty else { return alternative }
        return .multipart(subtype: "mixed", boundary: boundary("mixed", message), parts: [alternative] + files.map(attachment))
    }

    /// A boundary made from the Message-ID, so the same message always gives the same bytes. It begins
    /// `=_`, which neither quoted-printable (where `=` is followed by a hex digit or a line end) nor base64
    /// can produce, so no part's content can contain it.
    static func boundary(_ role: String, _ message: MailMessage) -> String {
        "=_\(role.prefix(3))_" + StableHash.hex(role + message.messageID.text)
    }

    static func text(_ content: String, type: String, parameters: String = "") -> MIMEEntity {
        .single(headers: ["Content-Type: \(type); charset=UTF-8\(parameters)", "Content-Transfer-Encoding: quoted-printable"],
                body: QuotedPrintable.encode(content))
    }

    static func attachment(_ file: MailAttachment) -> MIMEEntity {
        .single(headers: ["Content-Type: \(MIMEParameters.contentType(file.contentType))", "Content-Transfer-Encoding: base64",
                          MIMEParameters.attachmentDisposition(filename: file.filename)],
                body: Base64Lines.encode(file.bytes))
    }
}
