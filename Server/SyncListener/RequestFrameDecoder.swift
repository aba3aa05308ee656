import ByteCoding
internal import NIOCore

/// What a connection's first bytes turn out to be.
enum RequestFrame: Sendable {
    /// The request payload, whole.
    case request(ByteBuffer)
    /// A request refused from its length prefix alone; its payload is never read.
    case refused(FrameError)
}

/// Decodes the one length-prefixed request frame a connection carries and ignores
/// anything after it. The prefix is checked before any of the payload is buffered: an
/// oversized or malformed one is reported at once and every later byte is discarded.
struct RequestFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = RequestFrame

    let maxPayloadBytes: Int
    private var hasDecoded = false

    init(maxPayloadBytes: Int) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard !hasDecoded else {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        do throws(FrameError) {
            guard try Framing.readPrefix(of: buffer.readableBytesView, maxPayloadBytes: maxPayloadBytes) != nil,
                  let payload = buffer.readLengthPrefixedSlice(strategy: LEB128LengthPrefix())
            else { return .needMoreData }
            hasDecoded = true
            context.fireChannelRead(wrapInboundOut(.request(payload)))
        } catch {
            hasDecoded = true
            context.fireChannelRead(wrapInboundOut(.refused(error)))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
