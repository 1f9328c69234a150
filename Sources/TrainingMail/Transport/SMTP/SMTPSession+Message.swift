import Logging

extension SMTPSession {
    /// Sends one message over the open session: MAIL FROM, RCPT TO for each recipient, DATA. A refusal is
    /// the message's outcome, and RSET leaves the session ready for the next message; a broken connection
    /// throws, since no later message can go either.
    ///
    /// Recipients: the message is delivered when the relay accepted at least one of them (it then goes
    /// to those, and the refused ones are logged by code); when it accepted none, the failure is temporary
    /// if any refusal was (4xx), else permanent, with the server's words for each.
    func send(_ envelope: OutgoingEnvelope, logger: Logger) async throws -> DeliveryOutcome {
        if let problem = Self.unsendable(envelope, capabilities: capabilities) { return .permanentFailure(problem) }
        let mailFrom = try await connection.command("MAIL FROM:<\(envelope.from)>" + parameters(for: envelope))
        guard mailFrom.isPositive else { return try await abandon(SMTPFailure.outcome(of: mailFrom, answering: "MAIL FROM")) }
        var accepted = 0
        var refusals: [DeliveryOutcome] = []
        for recipient in envelope.recipients {
            let reply = try await connection.command("RCPT TO:<\(recipient)>")
            if reply.isPositive {
                accepted += 1
            } else {
                refusals.append(SMTPFailure.outcome(of: reply, answering: "RCPT TO <\(recipient)>"))
                logger.notice("the relay refused a recipient", metadata: ["outbox-id": "\(envelope.outboxID)", "smtp-code": "\(reply.code)"])
            }
        }
        guard accepted > 0 else { return try await abandon(Self.combined(refusals)) }
        let ready = try await connection.command("DATA")
        guard ready.code == 354 else { return try await abandon(SMTPFailure.outcome(of: ready, answering: "DATA")) }
        let done = try await connection.send(SMTPDataEncoding.transparent(envelope.data))
        guard done.isPositive else { return try await abandon(SMTPFailure.outcome(of: done, answering: "the end of DATA")) }
        return .delivered
    }

    /// MAIL FROM's parameters: BODY=8BITMIME for a message with 8-bit bytes when the relay takes them,
    /// SMTPUTF8 for an address that is not ASCII (checked as allowed by `unsendable`).
    private func parameters(for envelope: OutgoingEnvelope) -> String {
        var parameters = ""
        if envelope.data.contains(where: { $0 >= 0x80 }) && capabilities.offers("8BITMIME") { parameters += " BODY=8BITMIME" }
        if !Self.isASCII(envelope) { parameters += " SMTPUTF8" }
        return parameters
    }

    /// Why the relay cannot be asked to take this envelope at all, if it cannot: no recipient, or an
    /// address that would break the command it goes in.
    static func unsendable(_ envelope: OutgoingEnvelope, capabilities: SMTPCapabilities) -> String? {
        guard !envelope.recipients.isEmpty else { return "the message has no recipient" }
        let addresses = [envelope.from] + envelope.recipients
        if let broken = addresses.first(where: { $0.contains { $0.isWhitespace || $0.isNewline || "<>".contains($0) || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true } }) {
            return "'\(broken)' is not an address SMTP can carry"
        }
        if !isASCII(envelope) && !capabilities.offers("SMTPUTF8") {
            return "the mail relay does not take addresses with letters outside ASCII (SMTPUTF8)"
        }
        return nil
    }

    private static func isASCII(_ envelope: OutgoingEnvelope) -> Bool {
        ([envelope.from] + envelope.recipients).allSatisfy { $0.allSatisfy(\.isASCII) }
    }

    /// Every recipient refused: temporary when any refusal was, else permanent; all the server's words.
    private static func combined(_ refusals: [DeliveryOutcome]) -> DeliveryOutcome {
        var words: [String] = []
        var temporary = false
        for refusal in refusals {
            switch refusal {
            case .temporaryFailure(let reason): words.append(reason); temporary = true
            case .permanentFailure(let reason): words.append(reason)
            case .delivered: break
            }
        }
        let reason = words.joined(separator: "; ")
        return temporary ? .temporaryFailure(reason) : .permanentFailure(reason)
    }

    /// Ends the refused message's transaction so the next message starts clean.
    private func abandon(_ outcome: DeliveryOutcome) async throws -> DeliveryOutcome {
        _ = try await connection.command("RSET")
        return outcome
    }
}
