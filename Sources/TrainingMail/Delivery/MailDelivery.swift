import Foundation
import Logging
import TrainingCore
import TrainingStore

/// What one pass of the mail service did.
public struct DeliveryPass: Sendable, Hashable {
    public var scheduled = ScheduledMessages()
    public var sent = 0
    public var retrying = 0
    public var failed = 0
    /// Message bodies cleared under the retention setting.
    public var cleared = 0
}

/// Sends what the outbox holds (issue 18): each pass writes the messages fallen due (the scheduler), then
/// takes the queued messages due, renders each from its kind's words (the officer's or the shipped
/// default) and facts, hands them to the transport over one connection a batch, and records each outcome
/// as soon as it is known.
///
/// Delivery is at least once: a message is marked sent only after the relay accepted it, so a crash
/// between the two sends that one message again on the next pass — at most one duplicate per crash, with
/// the same `Message-ID`, which mail programs recognise.
public struct MailDelivery: Sendable {
    public let database: AppDatabase
    public let transport: any MailTransport
    /// Messages taken from the outbox at a time (one connection each).
    public var batchSize: Int
    /// Makes the attachment a message of a kind carries (the invoice workbook), if any.
    public var attachments: @Sendable (OutboxMessage) throws -> [MailAttachment]
    let renderer = MessageRenderer()
    let logger: Logger

    public init(database: AppDatabase, transport: any MailTransport, batchSize: Int = 50,
                attachments: (@Sendable (OutboxMessage) throws -> [MailAttachment])? = nil,
                logger: Logger = Logger(label: "training.mail")) {
        self.database = database
        self.transport = transport
        self.batchSize = batchSize
        self.attachments = attachments ?? MailAttachments.standard(for: database)
        self.logger = logger
    }

    /// One pass: schedule what is due, deliver everything queued and due, clear old bodies.
    public func runOnce() async throws -> DeliveryPass {
        var pass = DeliveryPass()
        let settings = try await database.reading { try $0.settings() }
        guard settings.mail.isOn else { return pass }
        guard !settings.mail.mailFrom.isEmpty else { throw MailSetupError.noMailFrom }
        pass.scheduled = try await database.writing { try $0.scheduleDueMessages() }
        while true {
            let size = batchSize
            let due = try await database.writing { try $0.messagesDue(limit: size) }
            if due.isEmpty { break }
            var envelopes: [OutgoingEnvelope] = []
            var stored: [Int64: DeliveryAttempt] = [:]
            for prepared in due {
                guard let id = prepared.message.id else { continue }
                do {
                    let (envelope, keptCopy) = try envelope(for: prepared, settings: settings)
                    envelopes.append(envelope)
                    stored[id] = keptCopy
                } catch {
                    // A message that cannot be made (an address the relay would refuse) fails at once.
                    try await record(id, .permanentFailure(String(describing: error)), into: &pass)
                }
            }
            // Each outcome is recorded as soon as the transport knows it, before the next message goes.
            let tally = PassTally()
            let batch = envelopes, kept = stored
            await transport.deliver(batch) { index, outcome in
                let id = batch[index].outboxID
                let attempt: DeliveryAttempt = switch outcome {
                case .delivered: kept[id] ?? .sent(subject: "", text: "", html: "")
                case .temporaryFailure(let reason): .temporaryFailure(reason)
                case .permanentFailure(let reason): .permanentFailure(reason)
                }
                do {
                    try await record(id, attempt, into: tally)
                } catch {
                    tally.fail(error)
                }
            }
            try tally.add(to: &pass)
        }
        pass.cleared = try await database.writing { try $0.clearOldMessageBodies() }
        return pass
    }

    private func record(_ id: Int64, _ attempt: DeliveryAttempt, into pass: inout DeliveryPass) async throws {
        let tally = PassTally()
        try await record(id, attempt, into: tally)
        try tally.add(to: &pass)
    }

    private func record(_ id: Int64, _ attempt: DeliveryAttempt, into tally: PassTally) async throws {
        try await database.writing { try $0.recordDelivery(of: id, attempt) }
        tally.count(attempt)
        switch attempt {
        case .sent: break
        case .temporaryFailure:
            logger.notice("message not delivered, will retry", metadata: ["outbox": "\(id)"])
        case .permanentFailure:
            logger.warning("message failed", metadata: ["outbox": "\(id)"])
        }
    }

    /// The message on the wire, and what is kept of it once sent: the same words with the personal links
    /// left out, so no live token is stored.
    func envelope(for prepared: PreparedMessage, settings: PartnershipSettings) throws -> (OutgoingEnvelope, DeliveryAttempt) {
        let message = prepared.message
        guard let id = message.id else { throw MailSetupError.noMessageNumber }
        guard !settings.mail.mailFrom.isEmpty else { throw MailSetupError.noMailFrom }
        let from = try MailAddress(settings.mail.mailFrom, name: settings.partnershipName)
        guard let address = message.recipientAddress else { throw MailSetupError.recipientCleared }
        let recipient = try MailAddress(address, name: message.recipientName)
        let copies = try message.copyAddresses.map { try MailAddress($0) }
        let rendered = render(prepared.message.kind, words: prepared.customWords, facts: prepared.facts)
        var kept = prepared.facts
        kept.manageLink = kept.manageLink.map { _ in "\(settings.baseURL)/my/(personal link, not kept)" }
        kept.evaluationLink = kept.evaluationLink.map { _ in "(personal link, not kept)" }
        let keptCopy = render(prepared.message.kind, words: prepared.customWords, facts: kept)

        var calendar: MailCalendarPart?
        if let event = prepared.event {
            let method: CalendarMethod = prepared.eventCancels ? .cancel : .request
            calendar = MailCalendarPart(method: method, ics: event.render(as: CalendarInvitation(method: method, organizer: from, attendee: recipient)))
        }
        let mail = MailMessage(
            from: from, replyTo: settings.mail.mailReplyTo.isEmpty ? nil : try MailAddress(settings.mail.mailReplyTo),
            to: [recipient], cc: copies, subject: rendered.subject, text: rendered.text, html: rendered.html, calendar: calendar,
            attachments: try attachments(message),
            messageID: MailMessageID(outboxID: id, partnershipName: settings.partnershipName, mailFrom: from), date: Date())
        let envelope = OutgoingEnvelope(outboxID: id, from: from.address, recipients: [recipient.address] + copies.map(\.address),
                                        data: mail.rendered())
        return (envelope, .sent(subject: keptCopy.subject, text: keptCopy.text, html: keptCopy.html))
    }

    /// The officer's words for the kind when they render, else the shipped default.
    func render(_ kind: MessageKind, words: StoredMessageTemplate?, facts: MessageFacts) -> RenderedMessage {
        if let words, let rendered = try? renderer.render(MessageTemplate(subject: words.subject, body: words.body), facts: facts) {
            return rendered
        }
        return renderer.render(kind, facts: facts)
    }
}

/// What a pass has recorded so far, counted from the transport's reports as they arrive.
private final class PassTally: @unchecked Sendable {
    private let lock = NSLock()
    private var sent = 0, retrying = 0, failed = 0
    private var error: (any Error)?

    func count(_ attempt: DeliveryAttempt) {
        lock.withLock {
            switch attempt {
            case .sent: sent += 1
            case .temporaryFailure: retrying += 1
            case .permanentFailure: failed += 1
            }
        }
    }

    /// The first outcome that could not be recorded: the pass stops with it once the batch is over.
    func fail(_ error: any Error) { lock.withLock { self.error = self.error ?? error } }

    func add(to pass: inout DeliveryPass) throws {
        try lock.withLock {
            if let error { throw error }
            pass.sent += sent
            pass.retrying += retrying
            pass.failed += failed
        }
    }
}

/// Why no message can be sent until a setting is put right.
public enum MailSetupError: Error, Sendable, Hashable, UserFacingError {
    case mailOff
    case noMailFrom
    case noRelay
    case noPassword
    case unreadablePasswordFile(String)
    case noMessageNumber
    case recipientCleared

    public var errorDescription: String? {
        switch self {
        case .mailOff: "mail is off: set mail-transport to smtp, sendmail or maildir"
        case .noMailFrom: "no sender address is set: set mail-from to the address messages come from"
        case .noRelay: "mail-transport is smtp but no relay is set: set smtp-host"
        case .noPassword: "smtp-user is set but no password is given: put it in TRAINING_SMTP_PASSWORD or in a file named by smtp-password-file"
        case .unreadablePasswordFile(let path): "the password file \(path) (smtp-password-file) cannot be read"
        case .noMessageNumber: "a message was read without its number"
        case .recipientCleared: "who the message went to was cleared under the retention setting, so it cannot be sent"
        }
    }
}
