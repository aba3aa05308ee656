import HTTPTypes
import NIOCore
import NIOHTTPTypes
import SyncListener

/// Enforces a ``ConnectionPolicy`` on one HTTP connection, right after HTTP decoding and
/// before any route sees a byte:
/// - a connection over the gate's caps is closed as soon as it opens;
/// - each request must arrive whole within `requestTimeout` of the connection's start
///   or of the previous answer, else the connection is closed (a slow trickle of body
///   bytes does not keep it alive);
/// - a request's body is reserved in the shared budget before it is passed on (its
///   `content-length` at once, else chunk by chunk), and given back once it is answered:
///   when the budget is spent the connection is closed, so half-sent bodies cannot fill
///   memory.
final class HTTPConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let policy: ConnectionPolicy
    private var ticket: ConnectionGate.Ticket?
    private var reservation: PendingBytesBudget.Reservation?
    private var deadline: Scheduled<Void>?
    /// Whether the current request announced its length (and reserved it whole at its head).
    private var lengthAnnounced = false

    init(policy: ConnectionPolicy) {
        self.policy = policy
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard let ticket = policy.gate.admit(address: context.channel.remoteAddress?.ipAddress ?? "unknown") else {
            context.close(promise: nil)
            return
        }
        self.ticket = ticket
        armDeadline(context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        reservation?.release()
        ticket?.release()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        reservation?.release()
        ticket?.release()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            let announced = request.headerFields[.contentLength].flatMap(Int.init)
            reservation?.release()
            guard let reserved = policy.budget.reserve(announced ?? 0) else { return refuse(context) }
            reservation = reserved
            lengthAnnounced = announced != nil
        case .body(let chunk):
            // A body without `content-length` (chunked) reserves as it arrives; one with it
            // reserved its whole length at the head, and HTTP decoding keeps it to that.
            if !lengthAnnounced, !(reservation?.grow(by: chunk.readableBytes) ?? false) { return refuse(context) }
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let response) where response.status.kind != .informational:
            reservation?.release()
            reservation = nil
        case .end:
            armDeadline(context)
        default:
            break
        }
        context.write(data, promise: promise)
    }

    private func refuse(_ context: ChannelHandlerContext) {
        reservation?.release()
        reservation = nil
        context.close(promise: nil)
    }

    private func armDeadline(_ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: TimeAmount(policy.requestTimeout)) { channel.close(promise: nil) }
    }
}
