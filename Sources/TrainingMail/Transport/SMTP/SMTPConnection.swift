import NIOCore
import NIOPosix
import NIOSSL

/// One open connection to the relay: sends a command, waits for its reply (or a time-out), and can turn
/// TLS on in the middle (STARTTLS). Its methods throw `SMTPFailure`.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPClientHandler>
    private let replyTimeout: TimeAmount

    /// Connects; with `implicitTLS` the TLS handshake starts at once, before the greeting.
    static func open(to configuration: SMTPConfiguration, implicitTLS: NIOSSLContext?,
                     on group: any EventLoopGroup) async throws -> SMTPConnection {
        let serverHostname = Self.serverHostname(configuration.host)
        let replyTimeout = TimeAmount(configuration.replyTimeout)
        let bootstrap = ClientBootstrap(group: group).connectTimeout(TimeAmount(configuration.connectTimeout))
        do {
            // The connection keeps the handler it added to the channel that connected, rather than looking it
            // up later: a failed TLS handshake may empty the pipeline first, and the handler remembers why.
            return try await bootstrap.connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    let handler = SMTPClientHandler()
                    try pipeline.addHandlers(ByteToMessageHandler(SMTPReplyDecoder()), handler)
                    return SMTPConnection(channel: channel, handler: NIOLoopBound(handler, eventLoop: channel.eventLoop), replyTimeout: replyTimeout)
                }
            }
        } catch {
            throw SMTPFailure(connecting: error)
        }
    }

    /// The name to send in TLS's server-name extension: none for an IP address, whose certificate is
    /// checked against the address instead.
    static func serverHostname(_ host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    /// The next reply, unasked: the greeting.
    func reply() async throws -> SMTPReply {
        try await exchange(nil)
    }

    /// Sends one command line (CRLF added) and waits for its reply.
    func command(_ line: String) async throws -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        return try await exchange(buffer)
    }

    /// Sends bytes as they are (a message's data, already made transparent) and waits for the reply.
    func send(_ bytes: [UInt8]) async throws -> SMTPReply {
        try await exchange(channel.allocator.buffer(bytes: bytes))
    }

    /// Puts TLS under everything from now on, after the relay's 220 to STARTTLS; the next command waits
    /// for the handshake, and a failed handshake fails it.
    func startTLS(_ context: NIOSSLContext, host: String) async throws {
        let channel = self.channel
        let serverHostname = Self.serverHostname(host)
        do {
            try await channel.eventLoop.submit {
                let tls = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(tls, position: .first)
            }.get()
        } catch {
            throw SMTPFailure.tls(String(describing: error))
        }
    }

    /// Closes the connection without a word (after QUIT, or when it is no use any more).
    func close() async {
        try? await channel.close()
    }

    private func exchange(_ buffer: ByteBuffer?) async throws -> SMTPReply {
        let loop = channel.eventLoop
        let promise = loop.makePromise(of: SMTPReply.self)
        let (channel, handler, timeout) = (self.channel, self.handler, self.replyTimeout)
        loop.execute {
            handler.value.awaitReply(promise)
            if let buffer {
                channel.writeAndFlush(buffer).whenFailure { error in handler.value.end(with: SMTPFailure(error)) }
            }
            let timer = loop.scheduleTask(in: timeout) { handler.value.timeOut() }
            promise.futureResult.whenComplete { _ in timer.cancel() }
        }
        do {
            return try await promise.futureResult.get()
        } catch {
            throw SMTPFailure(error)
        }
    }
}
