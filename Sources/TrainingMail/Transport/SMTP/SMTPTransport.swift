import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends messages to the partnership's relay over SMTP (RFC 5321), on SwiftNIO with swift-nio-ssl: one
/// connection for the whole batch (EHLO, STARTTLS and EHLO again or implicit TLS, AUTH, each message,
/// QUIT), at the configured rate.
///
/// A refusal with 5xx is a permanent failure with the server's words; 4xx, a refused connection, a
/// time-out, a TLS failure or a dropped connection is temporary. When the connection fails part-way,
/// that message and every one after it fail temporarily (the relay never saw them, or never said it
/// took them). So a connection lost after a message's data was sent and before the relay's 250 leaves
/// that message to be sent again: at least once, at most one duplicate for each loss. The log carries
/// outbox ids, failure kinds and reply codes only: never a body, an address, a password or a token.
public struct SMTPTransport: MailTransport {
    public let configuration: SMTPConfiguration
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup
    private let pacer: SMTPPacer
    private let logger: Logger

    /// Refuses a configuration that would send in plain text to another machine, a trust-roots file
    /// that cannot be read, a port out of range or a rate below one a minute.
    public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "training.mail.smtp")) throws(SMTPConfigurationError) {
        guard (1...65535).contains(configuration.port) else { throw .portOutOfRange(configuration.port) }
        guard configuration.messagesPerMinute >= 1 else { throw .rateNotPositive(configuration.messagesPerMinute) }
        if configuration.security == .none {
            guard LoopbackHost.contains(configuration.host) else { throw .plainTextToRemoteHost(configuration.host) }
            tls = nil
        } else {
            tls = try Self.tlsContext(trusting: configuration.trustRootsFile)
        }
        self.configuration = configuration
        self.group = eventLoopGroup
        self.pacer = SMTPPacer(messagesPerMinute: configuration.messagesPerMinute)
        self.logger = logger
    }

    /// Full verification of the relay's certificate and name, against the given roots or the system's.
    private static func tlsContext(trusting rootsFile: String?) throws(SMTPConfigurationError) -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        do {
            if let rootsFile {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(rootsFile))
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw .unusableTrustRoots(path: rootsFile ?? "the system's trust store", reason: String(describing: error))
        }
    }

    private var relay: String { "\(configuration.host):\(configuration.port)" }

    public func deliver(_ batch: [OutgoingEnvelope], reporting report: @Sendable (Int, DeliveryOutcome) async -> Void) async {
        guard !batch.isEmpty else { return }
        let session: SMTPSession
        do {
            session = try await SMTPSession.open(configuration, tls: tls, on: group)
        } catch {
            let failure = SMTPFailure(error)
            logger.warning("could not open a session with the mail relay",
                           metadata: ["messages": "\(batch.count)", "failure": "\(failure.logSummary)"])
            for index in batch.indices { await report(index, failure.outcome(relay: relay)) }
            return
        }
        for (index, envelope) in batch.enumerated() {
            await pacer.waitForTurn()
            if Task.isCancelled {
                await report(index, .temporaryFailure("delivery stopped before this message was sent"))
                continue
            }
            do {
                let outcome = try await session.send(envelope, logger: logger)
                log(outcome, of: envelope)
                await report(index, outcome)
            } catch {
                let failure = SMTPFailure(error)
                logger.warning("the connection to the mail relay failed",
                               metadata: ["outbox-id": "\(envelope.outboxID)", "failure": "\(failure.logSummary)"])
                for rest in index..<batch.count { await report(rest, failure.outcome(relay: relay)) }
                await session.connection.close()
                return
            }
        }
        await session.quit()
    }

    private func log(_ outcome: DeliveryOutcome, of envelope: OutgoingEnvelope) {
        let metadata: Logger.Metadata = ["outbox-id": "\(envelope.outboxID)"]
        switch outcome {
        case .delivered: logger.debug("the relay took a message", metadata: metadata)
        case .temporaryFailure: logger.notice("the relay deferred a message", metadata: metadata)
        case .permanentFailure: logger.warning("the relay refused a message", metadata: metadata)
        }
    }
}
