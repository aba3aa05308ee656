/// Why a transport refused a request before reading its payload.
public enum FrameRefusal: Error, Sendable, Equatable {
    /// The request is over the limit: `bytes` is its announced payload length (TCP) or
    /// its body length (HTTP), `limit` the largest payload accepted.
    case oversized(bytes: UInt64, limit: Int)
    /// The length prefix is not a valid varint.
    case malformedLength
    /// The server holds as many bytes of unauthenticated requests as it allows (see
    /// ``PendingBytesBudget``); the request was refused before its body was read.
    case busy
}

/// Turns a refused request into the payload to answer with (`nil`: no answer, the
/// connection closes). The sync service answers with a protocol error frame, so a
/// device learns why instead of seeing a dropped link.
public typealias FrameRefusalHandler = @Sendable (FrameRefusal) -> [UInt8]?
