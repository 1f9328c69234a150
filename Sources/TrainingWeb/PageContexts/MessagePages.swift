import Foundation
import TrainingCore
import TrainingMail
import TrainingStore

extension MessageKind {
    /// The kind as the officer's pages name it.
    var label: String {
        switch self {
        case .placeConfirmed: "Place confirmed"
        case .waitingListPlace: "Place on the waiting list"
        case .placeOffered: "Place offered from the waiting list"
        case .placeCancelled: "Place cancelled"
        case .substituted: "Place given to a colleague"
        case .sessionCancelled: "Session cancelled"
        case .sessionChanged: "Session changed"
        case .reminder: "Joining instructions"
        case .evaluationInvitation: "Evaluation invitation"
        case .followUpInvitation: "Follow-up invitation"
        case .nonAttendance: "Did not attend"
        case .invoice: "Invoice"
        case .underMinimum: "Session under its minimum numbers"
        case .licencePoolLow: "Licences running out"
        case .deliveryFailed: "A message not delivered"
        case .learnerLink: "A learner's link to their training"
        case .placeRequested: "A learner asks for a place"
        case .requestDeclined: "Request for a place declined"
        case .requestLapsed: "Request for a place lapsed"
        case .refresherDue: "A course due again"
        }
    }

    /// Who a message of this kind goes to.
    var audience: String {
        switch self {
        case .placeConfirmed, .waitingListPlace, .placeOffered, .placeCancelled, .sessionCancelled, .sessionChanged, .nonAttendance,
             .requestLapsed:
            "The learner, copied to their agency's bookers"
        case .substituted: "The learner leaving the place and the one taking it, copied to their agency's bookers"
        case .reminder, .evaluationInvitation, .followUpInvitation, .learnerLink, .requestDeclined: "The learner"
        case .placeRequested: "The learner's agency's bookers"
        case .refresherDue: "The learner, copied to their agency's bookers"
        case .invoice: "The agency's billing contact"
        case .underMinimum, .licencePoolLow, .deliveryFailed: "The training officer"
        }
    }
}

extension OutboxMessage.Status {
    /// The status as the officer's pages say it.
    var label: String {
        switch self {
        case .queued: "Queued"
        case .sent: "Sent"
        case .failed: "Failed"
        }
    }
}

/// The outbox: how many messages stand where, the filters, and one page of messages, newest first.
struct MessagesPage: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        /// Nil for a new place's message still owed (booked while the page was being read), which has its
        /// number when the outbox is next written or this page is next opened.
        /// `address` is nil once retention has cleared who the message went to, which `to` then says.
        var id: Int64?, kind: String, to: String, address: String?, status: String, written: String, sent: String?, attempts: Int
        var problem: String?

        init(_ message: OutboxMessage) {
            id = message.id
            kind = message.kind.label
            to = MessageRecipient.name(of: message)
            address = message.recipientAddress
            status = message.status.label
            written = Display.instant(message.createdAt)
            sent = message.sentAt.map(Display.instant)
            attempts = message.attempts
            problem = message.lastError
        }
    }

    var queuedCount: Int
    var sentCount: Int
    var failedCount: Int
    var statuses: [SelectOption]
    var kinds: [SelectOption]
    var learner: String?
    var messages: [Row]
    var none: Bool
    /// Whether the page shows a message not numbered yet, which the page then explains.
    var anyOwed: Bool
    /// The page shown, and the links to the pages either side (with the same filters), when there are any.
    var pageNumber: Int
    var previous: String?
    var next: String?
    var paged: Bool
}

/// One message: its envelope, where its delivery stands, and what it said once sent.
struct MessagePage: Encodable, Sendable {
    var id: Int64
    var kind: String
    var to: String
    /// Nil once retention has cleared who the message went to, which `to` then says.
    var address: String?
    var copies: String?
    var status: String
    /// "1 attempt", "3 attempts".
    var attempts: String
    var written: String
    /// When a queued message is next tried.
    var nextAttempt: String?
    var sent: String?
    var failed: String?
    var problem: String?
    var subject: String?
    var text: [MessageParagraph]?
    /// What it said was cleared under the retention setting.
    var cleared: Bool
    var retriable: Bool

    init(_ message: OutboxMessage) {
        id = message.id ?? 0
        kind = message.kind.label
        to = MessageRecipient.name(of: message)
        address = message.recipientAddress
        copies = message.copyAddresses.isEmpty ? nil : message.copyAddresses.joined(separator: ", ")
        status = message.status.label
        attempts = "\(message.attempts) attempt\(message.attempts == 1 ? "" : "s")"
        written = Display.instant(message.createdAt)
        nextAttempt = message.status == .queued ? Display.instant(message.nextAttemptAt) : nil
        sent = message.sentAt.map(Display.instant)
        failed = message.failedAt.map(Display.instant)
        problem = message.lastError
        subject = message.subject
        text = message.textBody.map(MessageParagraph.paragraphs)
        cleared = message.bodyClearedAt != nil
        retriable = message.status == .failed
    }
}

/// Who a message went to, as the officer's pages name them: no one once retention has cleared it.
enum MessageRecipient {
    static func name(of message: OutboxMessage) -> String {
        message.recipientName ?? "Cleared under the retention setting"
    }
}

/// A paragraph of a message's plain text, line by line, so the page shows its line breaks as the
/// message has them (Mustache escapes each line).
struct MessageParagraph: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var text: String
        /// Whether a line break follows it within the paragraph.
        var broken: Bool
    }

    var lines: [Line]

    /// The text's paragraphs: runs of lines between blank lines.
    static func paragraphs(_ text: String) -> [MessageParagraph] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { run in MessageParagraph(lines: run.enumerated().map { Line(text: String($1), broken: $0 < run.count - 1) }) }
    }
}

/// Every kind of message: whether it is sent, and whose words it uses.
struct MessageWordsPage: Encodable, Sendable {
    struct Kind: Encodable, Sendable {
        var kind: String, label: String, audience: String, isOn: Bool, ownWords: Bool
    }

    var kinds: [Kind]
}

/// The words of one kind of message: the form with the words in use (or as typed), the shipped default,
/// and a preview of the typed words with real or made-up facts.
struct MessageWordsEditPage: Encodable, Sendable {
    /// The typed words rendered as a message, and whose facts they were rendered with.
    struct Preview: Encodable, Sendable {
        var facts: String
        var subject: String
        var text: [MessageParagraph]
    }

    var kind: String
    var label: String
    var audience: String
    var ownWords: Bool
    /// Who last changed the officer's own words, and when.
    var changed: String?
    var subject: String
    var body: String
    var defaultSubject: String
    var defaultBody: String
    var preview: Preview?
    /// How the hint writes a fact and a section, as text (a page's values are never read as tags).
    var factExample = "{{courseTitle}}"
    var sectionOpen = "{{#venue}}"
    var sectionClose = "{{/venue}}"
}
