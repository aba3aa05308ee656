internal import NIOCore

/// Forwards what one side of a proxied connection reads to the other side, counting
/// it, and cuts the connection once its byte budget is spent.
final class ForwardingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let peer: any Channel
    private let direction: CuttingProxy.Direction
    private var budget: Int?
    private let connection: Int
    private let ledger: ProxyLedger
    private var lastWrite: EventLoopFuture<Void>?

    init(to peer: any Channel, _ direction: CuttingProxy.Direction, budget: Int?, _ connection: Int, _ ledger: ProxyLedger) {
        self.peer = peer
        self.direction = direction
        self.budget = budget
        self.connection = connection
        self.ledger = ledger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard let remaining = budget else {
            forward(buffer)
            return
        }
        let allowed = buffer.readSlice(length: min(remaining, buffer.readableBytes))!
        budget = remaining - allowed.readableBytes
        forward(allowed)
        if budget == 0 {
            closePeerAfterWrites()
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closePeerAfterWrites()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func forward(_ buffer: ByteBuffer) {
        guard buffer.readableBytes > 0 else { return }
        ledger.record(buffer.readableBytes, direction, on: connection, head: buffer.readableBytesView.prefix(CuttingProxy.headLength))
        lastWrite = peer.writeAndFlush(buffer)
    }

    /// Closes the other side once what was forwarded to it has been written.
    private func closePeerAfterWrites() {
        let peer = self.peer
        guard let lastWrite else {
            peer.close(promise: nil)
            return
        }
        lastWrite.whenComplete { _ in peer.close(promise: nil) }
    }
}
