internal import NIOCore

/// Decodes the one length-prefixed request frame a connection carries and ignores anything after it.
struct RequestFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// Why a request frame is refused.
    enum Failure: Error {
        case oversized(announced: UInt64, limit: Int)
        case malformedLength
    }

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
        guard let (length, prefixSize) = try prefix(of: buffer),
            let payload = buffer.getSlice(at: buffer.readerIndex + prefixSize, length: length)
        else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: prefixSize + length)
        hasDecoded = true
        context.fireChannelRead(wrapInboundOut(payload))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// The payload length announced at the reader index and the size of its varint.
    private func prefix(of buffer: ByteBuffer) throws -> (Int, Int)? {
        var value: UInt64 = 0
        for offset in 0..<10 {
            guard let byte = buffer.getInteger(at: buffer.readerIndex + offset, as: UInt8.self) else { return nil }
            let group = UInt64(byte & 0x7F)
            let shift = UInt64(7 * offset)
            guard (group << shift) >> shift == group else { throw Failure.malformedLength }
            value |= group << shift
            if byte & 0x80 == 0 {
                guard value <= UInt64(maxPayloadBytes) else {
                    throw Failure.oversized(announced: value, limit: maxPayloadBytes)
                }
                return (Int(value), offset + 1)
            }
        }
        throw Failure.malformedLength
    }
}
