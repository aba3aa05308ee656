/// Why a byte stream is not a valid sequence of frames.
public enum FrameError: Error, Equatable, CustomStringConvertible {
    /// A length prefix announced more payload than the reader accepts.
    case oversized(announced: UInt64, limit: Int)
    /// A length prefix ran past ``Framing/maxPrefixBytes`` or overflowed 64 bits.
    case malformedLength

    public var description: String {
        switch self {
        case .oversized(let announced, let limit):
            "a frame announced \(announced) bytes, more than the limit of \(limit) bytes"
        case .malformedLength:
            "a frame's length prefix is not a valid varint (more than \(Framing.maxPrefixBytes) bytes)"
        }
    }
}
