/// How the partnership's messages leave the system (issue 18), set with `training settings`.
///
/// Mail is off until the officer chooses a transport, so a partnership that has not set up a relay owes
/// nothing and its bookings cost no more. The relay's password is never a setting: it comes from the
/// environment (`TRAINING_SMTP_PASSWORD`) or from the file `smtp-password-file` names, so it is never in
/// the database, a backup or the audit log.
public struct MailSettings: Sendable, Hashable {
    /// Where messages go.
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        /// Nothing is written to the outbox.
        case off
        /// The partnership's mail relay (Office 365, Exchange, a council relay).
        case smtp
        /// The system's `sendmail` interface (msmtp or postfix).
        case sendmail
        /// `.eml` files in a Maildir folder, to try the system or read what would have gone out.
        case maildir
    }

    /// How the SMTP connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain text: allowed only to a relay on this machine (loopback).
        case none
        /// STARTTLS after connecting (port 587), required before anything is sent.
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var transport: Transport = .off
    public var smtpHost: String = ""
    public var smtpPort: Int = 587
    public var smtpSecurity: Security = .starttls
    public var smtpUser: String = ""
    public var smtpPasswordFile: String = ""
    /// A PEM file of the certificates to trust for a relay with a private certificate authority; blank
    /// for the system's.
    public var smtpTrustRoots: String = ""
    public var sendmailPath: String = "/usr/sbin/sendmail"
    public var maildir: String = "mail"
    public var mailFrom: String = ""
    public var mailReplyTo: String = ""
    /// Where the officer's alerts go: sessions under their minimum, pools running out, failed messages.
    public var officerEmail: String = ""
    /// At most this many messages a minute (Office 365 allows 30).
    public var messagesPerMinute: Int = 30
    /// The joining instructions go this many working days before a session.
    public var reminderWorkingDays: Int = 5
    /// What a message said is kept this many days after sending; then only its envelope stays.
    public var messageRetentionDays: Int = 90

    public init() {}

    /// Whether changes owe messages at all.
    public var isOn: Bool { transport != .off }

    /// The setting that turns mail on or off.
    public static let transportKey = "mail-transport"

    /// The transport a stored `mail-transport` value chooses: none stored (or one that no longer reads) is
    /// off, as with every other setting that keeps its default.
    public static func transport(stored value: String?) -> Transport {
        value.flatMap(Transport.init(rawValue:)) ?? .off
    }

    /// The settings' names as the officer types them.
    public static let keys = [transportKey, "smtp-host", "smtp-port", "smtp-security", "smtp-user", "smtp-password-file",
                              "smtp-trust-roots", "sendmail-path", "maildir", "mail-from", "mail-reply-to", "officer-email",
                              "mail-rate-per-minute", "reminder-working-days", "message-retention-days"]

    /// Each setting's value as text, by name.
    public var values: [(key: String, value: String)] {
        [(Self.transportKey, transport.rawValue), ("smtp-host", smtpHost), ("smtp-port", String(smtpPort)),
         ("smtp-security", smtpSecurity.rawValue), ("smtp-user", smtpUser), ("smtp-password-file", smtpPasswordFile),
         ("smtp-trust-roots", smtpTrustRoots), ("sendmail-path", sendmailPath), ("maildir", maildir), ("mail-from", mailFrom),
         ("mail-reply-to", mailReplyTo), ("officer-email", officerEmail), ("mail-rate-per-minute", String(messagesPerMinute)),
         ("reminder-working-days", String(reminderWorkingDays)), ("message-retention-days", String(messageRetentionDays))]
    }

    /// A copy with one setting changed; refuses a value that makes no sense. `value` is already checked
    /// as storable text and trimmed.
    func setting(_ key: String, to value: String, at location: InputLocation) throws -> MailSettings {
        var copy = self
        func number(_ range: ClosedRange<Int>, _ unit: String) throws -> Int {
            guard let number = Int(value), range.contains(number) else {
                throw InputError("'\(value)' is not a number of \(unit) between \(range.lowerBound) and \(range.upperBound)", at: location)
            }
            return number
        }
        func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) throws -> Choice where Choice.RawValue == String {
            guard let chosen = Choice(rawValue: value.lowercased()) else {
                throw InputError("'\(value)' is not one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))", at: location)
            }
            return chosen
        }
        func address() throws -> String {
            if value.isEmpty { return value }
            return try EmailAddress(value, at: location).text
        }
        switch key {
        case Self.transportKey: copy.transport = try choice(Transport.self)
        case "smtp-host":
            guard !value.contains(where: { $0.isWhitespace || $0 == "/" }) else { throw InputError("'\(value)' is not a host name", at: location) }
            copy.smtpHost = value
        case "smtp-port": copy.smtpPort = try number(1...65535, "a port")
        case "smtp-security": copy.smtpSecurity = try choice(Security.self)
        case "smtp-user": copy.smtpUser = value
        case "smtp-password-file": copy.smtpPasswordFile = value
        case "smtp-trust-roots": copy.smtpTrustRoots = value
        case "sendmail-path": copy.sendmailPath = value
        case "maildir":
            guard !value.isEmpty else { throw InputError("the Maildir folder needs a path", at: location) }
            copy.maildir = value
        case "mail-from": copy.mailFrom = try address()
        case "mail-reply-to": copy.mailReplyTo = try address()
        case "officer-email": copy.officerEmail = try address()
        case "mail-rate-per-minute": copy.messagesPerMinute = try number(1...100_000, "messages a minute")
        case "reminder-working-days": copy.reminderWorkingDays = try number(1...30, "working days")
        case "message-retention-days": copy.messageRetentionDays = try number(1...3650, "days")
        default: preconditionFailure("MailSettings.setting is only asked for its own keys")
        }
        return copy
    }
}
