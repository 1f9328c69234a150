import TrainingMail

/// A plain, hand-written RFC 5322 message (CRLF line ends) as the transports' tests send it.
func testEnvelope(_ outboxID: Int64, to recipients: [String] = ["learner@agency.example"], subject: String? = nil,
                  body: String = "Your place is confirmed.\n") -> OutgoingEnvelope {
    let headers = [
        "From: Safeguarding Partnership <training@partnership.example>",
        "To: \(recipients.joined(separator: ", "))",
        "Subject: \(subject ?? "Message \(outboxID)")",
        "Date: Mon, 02 Mar 2026 09:00:00 +0000",
        "Message-ID: <outbox-\(outboxID)@partnership.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=us-ascii",
    ]
    let text = headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
    return OutgoingEnvelope(outboxID: outboxID, from: "training@partnership.example", recipients: recipients, data: Array(text.utf8))
}

extension DeliveryOutcome {
    /// A temporary failure's words; nil for any other outcome, so `#require` says what came instead.
    var temporaryReason: String? {
        if case .temporaryFailure(let words) = self { words } else { nil }
    }

    /// A permanent failure's words; nil for any other outcome.
    var permanentReason: String? {
        if case .permanentFailure(let words) = self { words } else { nil }
    }
}
