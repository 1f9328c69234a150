/// One message as handed to a transport: the outbox row it came from, the envelope and the whole RFC 5322
/// text (CRLF line ends).
public struct OutgoingEnvelope: Sendable, Hashable {
    /// The outbox row, so a transport's logs and file names can name the message without its contents.
    public var outboxID: Int64
    /// The envelope sender (SMTP `MAIL FROM`), where bounces go.
    public var from: String
    /// The envelope recipients (SMTP `RCPT TO`), each one address; the headers may name others.
    public var recipients: [String]
    /// The message as it goes on the wire: headers, a blank line and the body, lines ending CRLF.
    public var data: [UInt8]

    public init(outboxID: Int64, from: String, recipients: [String], data: [UInt8]) {
        self.outboxID = outboxID
        self.from = from
        self.recipients = recipients
        self.data = data
    }
}

/// What happened to one message.
public enum DeliveryOutcome: Sendable, Hashable {
    /// Accepted by the relay (for at least one recipient), by `sendmail`, or written to the folder.
    case delivered
    /// Worth trying again later (4xx, connection refused, time-out, TLS failure, connection dropped); the
    /// words say what happened.
    case temporaryFailure(String)
    /// Will fail the same way again (5xx); the words are the server's.
    case permanentFailure(String)
}

/// Where messages go: an SMTP relay, the system's sendmail, or a Maildir folder.
public protocol MailTransport: Sendable {
    /// Hands over a batch and says what happened to each message: one outcome per envelope, in the same
    /// order. Never throws: every failure is an outcome.
    func deliver(_ batch: [OutgoingEnvelope]) async -> [DeliveryOutcome]
}
