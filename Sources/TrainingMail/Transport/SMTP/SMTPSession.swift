import NIOCore
import NIOSSL

/// One conversation with the relay, for a whole batch: the greeting, EHLO, STARTTLS and EHLO again, AUTH;
/// then each message (`send`); then QUIT. Throws `SMTPFailure`.
struct SMTPSession: Sendable {
    let connection: SMTPConnection
    let capabilities: SMTPCapabilities

    /// Connects and gets the relay ready to take messages. `tls` is the context for `.startTLS` and
    /// `.implicitTLS` (unused with `.none`).
    static func open(_ configuration: SMTPConfiguration, tls: NIOSSLContext?, on group: any EventLoopGroup) async throws -> SMTPSession {
        let implicitTLS = configuration.security == .implicitTLS ? tls : nil
        let connection = try await SMTPConnection.open(to: configuration, implicitTLS: implicitTLS, on: group)
        do {
            let session = try await handshake(on: connection, configuration, tls: tls)
            if let credentials = configuration.credentials {
                try await SMTPAuthentication.signIn(credentials, offered: session.capabilities.authMechanisms, on: connection)
            }
            return session
        } catch {
            await connection.close()
            throw error
        }
    }

    private static func handshake(on connection: SMTPConnection, _ configuration: SMTPConfiguration,
                                  tls: NIOSSLContext?) async throws -> SMTPSession {
        let greeting = try await connection.reply()
        guard greeting.isPositive else { throw SMTPFailure.refused(greeting, answering: "the greeting") }
        let capabilities = try await hello(on: connection, as: configuration.heloName)
        guard configuration.security == .startTLS, let tls else {
            return SMTPSession(connection: connection, capabilities: capabilities)
        }
        guard capabilities.offers("STARTTLS") else { throw SMTPFailure.startTLSNotOffered }
        let ready = try await connection.command("STARTTLS")
        guard ready.code == 220 else { throw SMTPFailure.refused(ready, answering: "STARTTLS") }
        try await connection.startTLS(tls, host: configuration.host)
        // RFC 3207 4.2: what the relay said before TLS is forgotten; it is asked again.
        return SMTPSession(connection: connection, capabilities: try await hello(on: connection, as: configuration.heloName))
    }

    private static func hello(on connection: SMTPConnection, as name: String) async throws -> SMTPCapabilities {
        let reply = try await connection.command("EHLO \(name)")
        guard reply.isPositive else { throw SMTPFailure.refused(reply, answering: "EHLO") }
        return SMTPCapabilities(ehlo: reply)
    }

    /// Says goodbye and closes; what the relay answers no longer matters.
    func quit() async {
        _ = try? await connection.command("QUIT")
        await connection.close()
    }
}
