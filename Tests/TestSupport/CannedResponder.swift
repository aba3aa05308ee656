internal import NIOCore

/// Collects one HTTP request (head and `Content-Length` body), logs it, and writes the canned response.
final class CannedResponder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let pieces: [[UInt8]]
    private let closesAfterResponse: Bool
    private let log: RequestLog
    private var request: [UInt8] = []
    private var answered = false

    init(pieces: [[UInt8]], closesAfterResponse: Bool, log: RequestLog) {
        self.pieces = pieces
        self.closesAfterResponse = closesAfterResponse
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        guard !answered else { return }
        request += buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let length = Self.completeLength(of: request) else { return }
        answered = true
        log.append(Array(request.prefix(length)))
        var lastWrite = context.eventLoop.makeSucceededVoidFuture()
        for piece in pieces {
            lastWrite = context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: piece)))
        }
        if closesAfterResponse {
            let channel = context.channel
            lastWrite.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// The request's length once its head and body have all arrived.
    private static func completeLength(of bytes: [UInt8]) -> Int? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = bytes.firstRange(of: separator)?.upperBound else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).lowercased()
        let lengthLine = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
        let bodyLength = lengthLine.flatMap { Int($0.dropFirst("content-length:".count).filter { $0 != " " }) } ?? 0
        return bytes.count >= headEnd + bodyLength ? headEnd + bodyLength : nil
    }
}
