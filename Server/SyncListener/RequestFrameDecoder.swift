internal import NIOCore
import Synchronization

/// What a connection's first bytes turn out to be.
enum RequestFrame: Sendable {
    /// The request payload, whole.
    case request(ByteBuffer)
    /// A request refused from its length prefix alone; its payload is never read.
    case refused(FrameRefusal)
}

/// Decodes the one length-prefixed request frame a connection carries and ignores
/// anything after it. The prefix is checked before any of the payload is buffered: an
/// oversized or malformed one, or one whose length does not fit in the server's budget
/// of unauthenticated bytes, is reported at once and every later byte is discarded.
struct RequestFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = RequestFrame

    let maxPayloadBytes: Int
    /// Where the announced length is reserved before the payload is buffered.
    let budget: PendingBytesBudget
    /// Holds the reservation until the connection closes.
    let reservation: ReservationHolder
    private var hasDecoded = false

    init(maxPayloadBytes: Int, budget: PendingBytesBudget, reservation: ReservationHolder) {
        self.maxPayloadBytes = maxPayloadBytes
        self.budget = budget
        self.reservation = reservation
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard !hasDecoded else {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        let length: Int
        let prefixSize: Int
        switch prefix(of: buffer) {
        case nil: return .needMoreData
        case .failure(let refusal):
            hasDecoded = true
            context.fireChannelRead(wrapInboundOut(.refused(refusal)))
            return .continue
        case .success(let prefix): (length, prefixSize) = prefix
        }
        if !reservation.holds {
            guard let reserved = budget.reserve(length) else {
                hasDecoded = true
                context.fireChannelRead(wrapInboundOut(.refused(.busy)))
                return .continue
            }
            reservation.keep(reserved)
        }
        guard let payload = buffer.getSlice(at: buffer.readerIndex + prefixSize, length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: prefixSize + length)
        hasDecoded = true
        context.fireChannelRead(wrapInboundOut(.request(payload)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// The payload length announced at the reader index and the size of its varint
    /// (`nil`: more bytes needed).
    private func prefix(of buffer: ByteBuffer) -> Result<(Int, Int), FrameRefusal>? {
        var value: UInt64 = 0
        for offset in 0..<10 {
            guard let byte = buffer.getInteger(at: buffer.readerIndex + offset, as: UInt8.self) else { return nil }
            let group = UInt64(byte & 0x7F)
            let shift = UInt64(7 * offset)
            guard (group << shift) >> shift == group else { return .failure(.malformedLength) }
            value |= group << shift
            if byte & 0x80 == 0 {
                guard value <= UInt64(maxPayloadBytes) else { return .failure(.oversized(bytes: value, limit: maxPayloadBytes)) }
                return .success((Int(value), offset + 1))
            }
        }
        return .failure(.malformedLength)
    }
}

/// The budget reservation of one connection's request, released when the connection closes.
final class ReservationHolder: Sendable {
    private let reservation = Mutex<PendingBytesBudget.Reservation?>(nil)

    /// Whether a reservation is held.
    var holds: Bool { reservation.withLock { $0 != nil } }

    /// Keeps `reserved` until ``release()``.
    func keep(_ reserved: PendingBytesBudget.Reservation) {
        reservation.withLock { $0 = reserved }
    }

    /// Gives the reserved bytes back.
    func release() {
        reservation.withLock { $0 }?.release()
    }
}
