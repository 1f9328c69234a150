import Foundation

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
    /// Hands over a batch, telling `report` what happened to each message (its index in the batch) as
    /// soon as it is known, in order, before the next one is sent: the caller records each outcome at once,
    /// so a crash part-way through leaves at most the one message in hand to be sent again. Every envelope
    /// gets exactly one report. Never throws: every failure is an outcome.
    func deliver(_ batch: [OutgoingEnvelope], reporting report: @Sendable (Int, DeliveryOutcome) async -> Void) async
}

extension MailTransport {
    /// Hands over a batch and says what happened to each message: one outcome per envelope, in the same
    /// order.
    public func deliver(_ batch: [OutgoingEnvelope]) async -> [DeliveryOutcome] {
        let outcomes = OutcomeList(count: batch.count)
        await deliver(batch) { index, outcome in outcomes.set(index, outcome) }
        return outcomes.values
    }
}

/// The outcomes of a batch as they are reported.
private final class OutcomeList: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [DeliveryOutcome]

    init(count: Int) { list = Array(repeating: .temporaryFailure("no outcome was reported"), count: count) }

    func set(_ index: Int, _ outcome: DeliveryOutcome) { lock.withLock { list[index] = outcome } }

    var values: [DeliveryOutcome] { lock.withLock { list } }
}
