internal import NIOCore

/// The last handler of an accepted connection, on its event loop: hands the connection's
/// request frame to `answer` (which starts the task answering it), and says when the
/// device stopped sending.
///
/// The request deadline is cancelled here, on the loop, the moment a whole request has
/// arrived (a refused one keeps it: its connection is read until the peer closes or the
/// deadline passes).
final class RequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = RequestFrame

    /// Succeeds once the device closed its side (or the connection closed).
    let inputEnded: EventLoopPromise<Void>
    private let deadline: Scheduled<Void>
    private let answer: (RequestFrame) -> Void
    private var answered = false
    private var ended = false

    /// `answer` is called once, on the loop, with the connection's first (and only) frame.
    init(inputEnded: EventLoopPromise<Void>, deadline: Scheduled<Void>, answer: @escaping (RequestFrame) -> Void) {
        self.inputEnded = inputEnded
        self.deadline = deadline
        self.answer = answer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // The decoder passes on one frame per connection.
        guard !answered else { return }
        answered = true
        let frame = unwrapInboundIn(data)
        if case .request = frame { deadline.cancel() }
        answer(frame)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            // Closed before a whole request: there is nothing to answer.
            if !answered { context.close(promise: nil) }
            end()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        end()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        end()
    }

    /// The device sent all it will.
    private func end() {
        answered = true
        if !ended {
            ended = true
            inputEnded.succeed(())
        }
    }
}
