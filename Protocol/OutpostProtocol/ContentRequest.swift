import ByteCoding

/// A device's request for document content (SPEC.md §12.1): the chunks it wants, by
/// their 32-byte BLAKE2b ids, in the order it wants them, and the chunks of a document
/// added on the device that it uploads. The device picks the wanted chunks within its
/// byte budget; the server sends those in the device's scope, one per frame.
public struct ContentRequest: Hashable, Sendable {
    /// The most chunks one request names (a 4 MiB request holds about 131,000 ids).
    public static let maximumWants = 100_000

    /// Chunks of one document added on the device, sent before its record.
    public struct Upload: Hashable, Sendable {
        /// The whole document's size, which the server checks against its limit.
        public var documentSize: Int
        /// Chunks of it (some or all), each with its id.
        public var chunks: [Chunk]

        /// One chunk and its 32-byte id.
        public struct Chunk: Hashable, Sendable {
            public var id: [UInt8]
            public var bytes: [UInt8]
            public init(id: [UInt8], bytes: [UInt8]) {
                self.id = id
                self.bytes = bytes
            }
        }

        public init(documentSize: Int, chunks: [Chunk]) {
            self.documentSize = documentSize
            self.chunks = chunks
        }
    }

    /// The chunk ids wanted, in order.
    public var wants: [[UInt8]]
    /// The upload this request carries, if any.
    public var upload: Upload?

    /// A request for `wants`, carrying `upload`.
    public init(wants: [[UInt8]], upload: Upload? = nil) {
        precondition(wants.allSatisfy { $0.count == 32 }, "chunk ids have 32 bytes")
        self.wants = wants
        self.upload = upload
    }

    private static let uploadFlag: UInt8 = 0x01

    /// `flags` · `count` · each id's 32 bytes · with flag `01`: the document's size, `count`, and per chunk its id, `count` and bytes.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(upload == nil ? 0 : Self.uploadFlag)
        writer.varint(wants.count)
        for id in wants { writer.raw(id) }
        if let upload {
            writer.varint(upload.documentSize)
            writer.varint(upload.chunks.count)
            for chunk in upload.chunks {
                writer.raw(chunk.id)
                writer.varint(chunk.bytes.count)
                writer.raw(chunk.bytes)
            }
        }
        return writer.bytes
    }

    /// Decodes a content request.
    /// - Throws: ``ProtocolError`` `.malformed` for flags, a count over the bytes or
    ///   the limit, or trailing bytes; `.truncated` when it ends early.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let flags = try reader.byte()
        guard flags & ~Self.uploadFlag == 0 else { throw ProtocolError(.malformed, "content request flags \(flags) are unknown") }
        let count = try reader.count(max: min(Self.maximumWants, reader.remaining / 32), of: "the chunk count")
        var wants: [[UInt8]] = []
        wants.reserveCapacity(count)
        for _ in 0..<count { wants.append(try reader.raw(32)) }
        if flags & Self.uploadFlag != 0 {
            let size = Int(clamping: try reader.varint())
            var chunks: [Upload.Chunk] = []
            for _ in 0..<(try reader.count(max: reader.remaining / 33, of: "the uploaded chunk count")) {
                let id = try reader.raw(32)
                chunks.append(Upload.Chunk(id: id, bytes: try reader.raw(try reader.count(of: "the chunk length"))))
            }
            upload = Upload(documentSize: size, chunks: chunks)
        }
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
    /// scope, or no longer named by any document), and what became of the request's
    /// upload (`nil` when it carried none).
    case final(withheld: Int, upload: UploadOutcome? = nil)

    /// What the server did with an upload.
    public enum UploadOutcome: Hashable, Sendable {
        /// Every chunk is stored (durably): the document's record may follow.
        case stored
        /// Refused, with a sentence saying why (over the size limit or the device's quota).
        case refused(String)
    }

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
        case .final(let withheld, let upload):
            writer.byte(Self.finalFlag)
            writer.varint(withheld)
            switch upload {
            case nil: break
            case .stored: writer.byte(0)
            case .refused(let reason):
                writer.byte(1)
                writer.string(reason)
            }
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
            let withheld = Int(clamping: try reader.varint())
            guard reader.remaining > 0 else {
                self = .final(withheld: withheld)
                break
            }
            switch try reader.byte() {
            case 0: self = .final(withheld: withheld, upload: .stored)
            case 1: self = .final(withheld: withheld, upload: .refused(try reader.string()))
            case let code: throw ProtocolError(.malformed, "upload outcome \(code) is unknown")
            }
        case let kind:
            throw ProtocolError(.malformed, "content frame kind \(kind) is unknown")
        }
        try reader.expectEnd(of: "the content frame")
    }
}
