import ByteCoding
internal import NIOCore
import Synchronization

/// What a connection's first bytes turn out to be.
enum RequestFrame: Sendable {
    /// The request payload, whole.
    case request(ByteBuffer)
    /// A request refused from its length prefix alone; its payload is never read.
    case refused(FrameError)
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
        do throws(FrameError) {
            guard let prefix = try Framing.readPrefix(of: buffer.readableBytesView, maxPayloadBytes: maxPayloadBytes) else {
                return .needMoreData
            }
            if !reservation.holds {
                guard let reserved = budget.reserve(prefix.length) else { throw .busy }
                reservation.keep(reserved)
            }
            guard let payload = buffer.readLengthPrefixedSlice(strategy: LEB128LengthPrefix()) else { return .needMoreData }
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
