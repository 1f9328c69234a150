/// A message's `Message-ID`, stable for its outbox row: `<42.3f9a0c1d2b4e5f60@example.org>`, the row's
/// id, a hash of the partnership's name (so two partnerships sending from one domain, each counting its
/// rows from 1, never give two messages one id) and the domain of the partnership's mail-from address.
/// A message sent again after a crash carries the same id, so a reader's mail program can tell it is the
/// same message (issue 18, at-least-once delivery).
public struct MailMessageID: Sendable, Hashable, CustomStringConvertible {
    /// With the angle brackets, as the header writes it.
    public let text: String

    public init(outboxID: Int64, partnershipName: String, mailFrom: MailAddress) {
        text = "<\(outboxID).\(StableHash.hex(partnershipName))@\(mailFrom.domain)>"
    }

    public var description: String { text }
}
