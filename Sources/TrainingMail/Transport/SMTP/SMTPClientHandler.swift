import NIOCore

/// The end of the pipeline: hands each reply to the command waiting for it, in order. SMTP without
/// pipelining has one command waiting at a time; a reply nobody waits for yet (the greeting, which comes
/// unasked) is kept for the next to ask. Once the connection fails, every waiting and later command fails
/// the same way. Used only on its channel's event loop.
final class SMTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply

    private var waiting = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var unclaimed = CircularBuffer<SMTPReply>()
    private var failure: SMTPFailure?
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Completes `promise` with the next reply, or with the failure that ended the connection.
    func awaitReply(_ promise: EventLoopPromise<SMTPReply>) {
        if let reply = unclaimed.popFirst() {
            promise.succeed(reply)
        } else if let failure {
            promise.fail(failure)
        } else {
            waiting.append(promise)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if let promise = waiting.popFirst() { promise.succeed(reply) } else { unclaimed.append(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        end(with: SMTPFailure(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        end(with: .connectionClosed)
        context.fireChannelInactive()
    }

    /// Gives up waiting: the reply did not come in time, so the connection is closed.
    func timeOut() {
        end(with: .timedOut)
        context?.close(promise: nil)
    }

    /// Fails every waiting command; the first failure is the one every later command is told.
    func end(with failure: SMTPFailure) {
        let first = self.failure ?? failure
        self.failure = first
        while let promise = waiting.popFirst() { promise.fail(first) }
    }
}
