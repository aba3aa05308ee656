internal import NIOCore

/// The last handler of an accepted connection, on its event loop: hands the connection's
/// request frame to the task that answers it, and says when the device stopped sending.
///
/// The request deadline is cancelled here, on the loop, the moment a whole request has
/// arrived (a refused one keeps it: its connection is read until the peer closes or the
/// deadline passes). Nothing here crosses threads but the two futures the serving task
/// waits on.
final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = RequestFrame

    /// The connection's first (and only) frame; fails if the connection ends without one.
    let firstFrame: EventLoopPromise<RequestFrame>
    /// Succeeds once the device closed its side (or the connection closed).
    let inputEnded: EventLoopPromise<Void>
    private let deadline: Scheduled<Void>
    private var answered = false
    private var ended = false

    init(firstFrame: EventLoopPromise<RequestFrame>, inputEnded: EventLoopPromise<Void>, deadline: Scheduled<Void>) {
        self.firstFrame = firstFrame
        self.inputEnded = inputEnded
        self.deadline = deadline
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The decoder passes on one frame per connection.
        guard !answered else { return }
        answered = true
        let frame = unwrapInboundIn(data)
        if case .request = frame { deadline.cancel() }
        firstFrame.succeed(frame)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { end() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        end()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        end()
    }

    /// The device sent all it will: a connection that brought no frame has none.
    private func end() {
        if !answered {
            answered = true
            firstFrame.fail(ChannelError.eof)
        }
        if !ended {
            ended = true
            inputEnded.succeed(())
        }
    }
}
