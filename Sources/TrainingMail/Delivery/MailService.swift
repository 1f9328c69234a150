import Foundation
import Logging
import ServiceLifecycle
import TrainingCore
import TrainingStore

/// The mail service `training serve` runs beside the web server: a delivery pass (scheduler, then
/// sending) every `interval`, until the service group shuts down (SIGTERM), finishing the pass in hand.
public struct MailService: Service {
    public let database: AppDatabase
    public let interval: Duration
    let attachments: (@Sendable (OutboxMessage) throws -> [MailAttachment])?
    let logger: Logger

    public init(database: AppDatabase, interval: Duration = .seconds(60),
                attachments: (@Sendable (OutboxMessage) throws -> [MailAttachment])? = nil,
                logger: Logger = Logger(label: "training.mail")) {
        self.database = database
        self.interval = interval
        self.attachments = attachments
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                // Settings are read each pass, so the officer's changes apply without a restart.
                let settings = try await database.reading { try $0.settings() }
                if settings.mail.isOn {
                    let pass = try await Self.delivery(for: database, settings: settings, attachments: attachments, logger: logger).runOnce()
                    if pass.sent + pass.retrying + pass.failed > 0 {
                        logger.info("mail pass", metadata: ["sent": "\(pass.sent)", "retrying": "\(pass.retrying)", "failed": "\(pass.failed)"])
                    }
                } else {
                    // Requests for places still lapse at their cut-off, with no one to email (the pass does it with mail on).
                    try await database.writing { try $0.lapseWaitingRequests() }
                }
            } catch {
                logger.error("mail pass failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// The delivery the settings describe: the transport they name, with the relay's password from
    /// `TRAINING_SMTP_PASSWORD` or the file `smtp-password-file` names (never from the database).
    public static func delivery(for database: AppDatabase, settings: PartnershipSettings,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                attachments: (@Sendable (OutboxMessage) throws -> [MailAttachment])? = nil,
                                logger: Logger = Logger(label: "training.mail")) throws -> MailDelivery {
        MailDelivery(database: database, transport: try transport(for: settings.mail, environment: environment, logger: logger),
                     attachments: attachments, logger: logger)
    }

    /// The transport `mail` names.
    public static func transport(for mail: MailSettings, environment: [String: String], logger: Logger) throws -> any MailTransport {
        switch mail.transport {
        case .off: throw MailSetupError.mailOff
        case .maildir: return MaildirTransport(directory: mail.maildir)
        case .sendmail: return SendmailTransport(path: mail.sendmailPath)
        case .smtp:
            guard !mail.smtpHost.isEmpty else { throw MailSetupError.noRelay }
            var credentials: SMTPCredentials?
            if !mail.smtpUser.isEmpty {
                credentials = SMTPCredentials(user: mail.smtpUser, password: try password(for: mail, environment: environment))
            }
            let security: SMTPSecurity = switch mail.smtpSecurity {
            case .none: .none
            case .starttls: .startTLS
            case .tls: .implicitTLS
            }
            return try SMTPTransport(configuration: SMTPConfiguration(
                host: mail.smtpHost, port: mail.smtpPort, security: security, credentials: credentials,
                trustRootsFile: mail.smtpTrustRoots.isEmpty ? nil : mail.smtpTrustRoots, messagesPerMinute: mail.messagesPerMinute),
                logger: logger)
        }
    }

    /// The relay's password: the environment's, else the named file's first line.
    static func password(for mail: MailSettings, environment: [String: String]) throws -> String {
        if let password = environment["TRAINING_SMTP_PASSWORD"], !password.isEmpty { return password }
        guard !mail.smtpPasswordFile.isEmpty else { throw MailSetupError.noPassword }
        guard let text = try? String(contentsOfFile: mail.smtpPasswordFile, encoding: .utf8) else {
            throw MailSetupError.unreadablePasswordFile(mail.smtpPasswordFile)
        }
        return String(text.split(whereSeparator: \.isNewline).first ?? "")
    }
}
