import NIOCore
import NIOSSL

/// Why a conversation with the relay stopped before a message's outcome was known. Every case but a
/// refusal with a 5xx reply is worth trying again later.
enum SMTPFailure: Error, Sendable, Hashable {
    case couldNotConnect(String)
    case timedOut
    case connectionClosed
    /// The connection broke (reset, broken pipe) after it was made.
    case connectionLost(String)
    case tls(String)
    case malformedReply
    /// The relay answered a step of setting up the connection (greeting, EHLO, STARTTLS, AUTH) with a
    /// refusal.
    case refused(SMTPReply, answering: String)
    /// `.startTLS` is configured and the relay does not offer it: nothing is sent in plain text instead.
    case startTLSNotOffered
    /// The relay offers neither PLAIN nor LOGIN.
    case noSupportedAuthentication(offered: [String])

    /// The failure an error from the channel stands for.
    init(_ error: any Error) {
        switch error {
        case let failure as SMTPFailure: self = failure
        case is NIOSSLError, is NIOSSLExtraError, is BoringSSLError: self = .tls(String(describing: error))
        case is SMTPReplyDecoder.MalformedReply, is ByteToMessageDecoderError: self = .malformedReply
        case ChannelError.connectTimeout: self = .timedOut
        case ChannelError.ioOnClosedChannel, ChannelError.alreadyClosed, ChannelError.eof: self = .connectionClosed
        default: self = .connectionLost(String(describing: error))
        }
    }

    /// The failure an error from connecting stands for.
    init(connecting error: any Error) {
        switch SMTPFailure(error) {
        case .connectionLost(let reason), .couldNotConnect(let reason): self = .couldNotConnect(reason)
        case let failure: self = failure
        }
    }

    /// Says what happened in words an officer can act on, for `host:port`.
    func outcome(relay: String) -> DeliveryOutcome {
        switch self {
        case .couldNotConnect(let reason): .temporaryFailure("could not reach the mail relay \(relay): \(reason)")
        case .timedOut: .temporaryFailure("the mail relay \(relay) did not answer in time")
        case .connectionClosed: .temporaryFailure("the mail relay \(relay) closed the connection")
        case .connectionLost(let reason): .temporaryFailure("the connection to the mail relay \(relay) broke: \(reason)")
        case .tls(let reason): .temporaryFailure("TLS with the mail relay \(relay) failed: \(reason)")
        case .malformedReply: .temporaryFailure("the mail relay \(relay) answered with something that is not SMTP")
        case .refused(let reply, let command): SMTPFailure.outcome(of: reply, answering: command)
        case .startTLSNotOffered:
            .temporaryFailure("the mail relay \(relay) does not offer STARTTLS, which smtp-security starttls requires; nothing was sent in plain text")
        case .noSupportedAuthentication(let offered):
            .permanentFailure("the mail relay \(relay) offers no way to sign in that this system knows (PLAIN or LOGIN)"
                + (offered.isEmpty ? "" : "; it offers \(offered.joined(separator: " "))"))
        }
    }

    /// What the log says: the kind of failure and the reply code, never the server's words (they can
    /// name a recipient).
    var logSummary: String {
        switch self {
        case .couldNotConnect: "could not connect"
        case .timedOut: "timed out"
        case .connectionClosed: "closed by the relay"
        case .connectionLost: "connection broke"
        case .tls: "TLS failed"
        case .malformedReply: "not SMTP"
        case .refused(let reply, let command): "\(command) refused with \(reply.code)"
        case .startTLSNotOffered: "STARTTLS not offered"
        case .noSupportedAuthentication: "no AUTH mechanism in common"
        }
    }

    /// A refusal's outcome: permanent for 5xx, temporary for 4xx, with the server's words.
    static func outcome(of reply: SMTPReply, answering command: String) -> DeliveryOutcome {
        let words = "\(command): \(reply.text)"
        return reply.isPermanentFailure ? .permanentFailure(words) : .temporaryFailure(words)
    }
}
