import ByteCoding
import OutpostProtocol

/// The constants of the sealed layer (SPEC.md §2).
public enum WireFormat {
    /// The protocol version: the first byte of every request.
    public static let version: UInt8 = 1
    /// The largest plaintext a frame or request may carry once decompressed.
    public static let maximumPlaintext = Framing.defaultMaxPayloadBytes
    /// Bit of a kind byte saying the sealed body is LZMA-compressed.
    static let compressedBit: UInt8 = 0x80

    /// Request kinds (second byte of a request).
    public enum RequestKind: UInt8, Sendable {
        /// A sync request from an enrolled device.
        case sync = 0x01
        /// An enrolment request proving a one-time code.
        case enrol = 0x02
        /// A request for document content (SPEC.md §12), sealed like a sync request.
        case content = 0x03
    }

    /// Response frame kinds (first byte of each response frame).
    enum FrameKind: UInt8 {
        case sealed = 0x01
        case sealedAlone = 0x02
        case error = 0x0F
    }

    /// Nonce direction bytes: each (key, direction) pair numbers its own messages.
    enum Direction {
        static let request: UInt8 = 1
        static let response: UInt8 = 2
        static let enrolRequest: UInt8 = 3
        static let enrolResponse: UInt8 = 4
    }

    /// Below this size compression never pays for LZMA's own overhead.
    static let compressionThreshold = 96

    /// `plaintext`, compressed when that makes it smaller, with the kind bit to set.
    static func pack(_ plaintext: [UInt8]) -> (body: [UInt8], bit: UInt8) {
        if plaintext.count >= compressionThreshold, let packed = LZMA.compress(plaintext) {
            return (packed, compressedBit)
        }
        return (plaintext, 0)
    }

    /// Undoes ``pack(_:)``.
    static func unpack(_ body: [UInt8], kind: UInt8) throws(ProtocolError) -> [UInt8] {
        if kind & compressedBit == 0 {
            guard body.count <= maximumPlaintext else { throw ProtocolError(.oversized, "a message of \(body.count) bytes exceeds the limit of \(maximumPlaintext)") }
            return body
        }
        return try LZMA.decompress(body, limit: maximumPlaintext)
    }
}
