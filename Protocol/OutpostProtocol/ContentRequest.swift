import ByteCoding

/// A device's request for document content (SPEC.md §12.1): the chunks it wants, by
/// their 32-byte BLAKE2b ids, in the order it wants them. The device picks them within
/// its byte budget; the server sends those in the device's scope, one per frame.
public struct ContentRequest: Hashable, Sendable {
    /// The most chunks one request names (a 4 MiB request holds about 131,000 ids).
    public static let maximumWants = 100_000

    /// The chunk ids wanted, in order.
    public var wants: [[UInt8]]

    /// A request for `wants`.
    public init(wants: [[UInt8]]) {
        precondition(wants.allSatisfy { $0.count == 32 }, "chunk ids have 32 bytes")
        self.wants = wants
    }

    /// `flags` (0) · `count` · each id's 32 bytes.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(0)
        writer.varint(wants.count)
        for id in wants { writer.raw(id) }
        return writer.bytes
    }

    /// Decodes a content request.
    /// - Throws: ``ProtocolError`` `.malformed` for flags, a count over the bytes or
    ///   the limit, or trailing bytes; `.truncated` when it ends early.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let flags = try reader.byte()
        guard flags == 0 else { throw ProtocolError(.malformed, "content request flags \(flags) are unknown") }
        let count = try reader.count(max: min(Self.maximumWants, reader.remaining / 32), of: "the chunk count")
        var wants: [[UInt8]] = []
        wants.reserveCapacity(count)
        for _ in 0..<count { wants.append(try reader.raw(32)) }
        try reader.expectEnd(of: "the content request")
        self.wants = wants
    }
}

/// One frame of the answer to a ``ContentRequest`` (SPEC.md §12.2): a chunk, or the
/// final frame saying how many wanted chunks were withheld.
public enum ContentFrame: Hashable, Sendable {
    /// A wanted chunk: its id and bytes.
    case chunk(id: [UInt8], bytes: [UInt8])
    /// The last frame: `withheld` wanted chunks were not sent (not in the device's
    /// scope, or no longer named by any document).
    case final(withheld: Int)

    private static let chunkFlag: UInt8 = 0x01
    private static let finalFlag: UInt8 = 0x02

    /// `01` · id (32 bytes) · `count` · bytes, or `02` · withheld `count`.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .chunk(let id, let bytes):
            writer.byte(Self.chunkFlag)
            writer.raw(id)
            writer.varint(bytes.count)
            writer.raw(bytes)
        case .final(let withheld):
            writer.byte(Self.finalFlag)
            writer.varint(withheld)
        }
        return writer.bytes
    }

    /// Decodes a content frame.
    /// - Throws: ``ProtocolError`` `.malformed` for an unknown kind, a length over the
    ///   bytes or trailing bytes; `.truncated` when it ends early.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        switch try reader.byte() {
        case Self.chunkFlag:
            let id = try reader.raw(32)
            let length = try reader.count(of: "the chunk length")
            self = .chunk(id: id, bytes: try reader.raw(length))
        case Self.finalFlag:
            self = .final(withheld: Int(clamping: try reader.varint()))
        case let kind:
            throw ProtocolError(.malformed, "content frame kind \(kind) is unknown")
        }
        try reader.expectEnd(of: "the content frame")
    }
}
