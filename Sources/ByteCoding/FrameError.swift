/// Why a byte stream is not a valid sequence of frames; a transport refuses such a
/// request (or response) before reading its payload.
public enum FrameError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A length prefix (or an HTTP body length) announced more payload than the reader accepts.
    case oversized(announced: UInt64, limit: Int)
    /// A length prefix ran past ``Framing/maxPrefixBytes`` or overflowed 64 bits.
    case malformedLength
    /// The server holds as many bytes of unauthenticated requests as it allows; the
    /// request was refused before its body was read.
    case busy

    public var description: String {
        switch self {
        case .oversized(let announced, let limit):
            "a frame announced \(announced) bytes, more than the limit of \(limit) bytes"
        case .malformedLength:
            "a frame's length prefix is not a valid varint (more than \(Framing.maxPrefixBytes) bytes)"
        case .busy:
            "the server holds as many unauthenticated request bytes as it allows"
        }
    }
}
