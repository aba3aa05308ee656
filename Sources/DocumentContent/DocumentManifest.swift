public import SodiumKit

/// The 32-byte BLAKE2b digest that names a chunk of content (or a whole document).
public struct ContentID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digest.
    public let bytes: [UInt8]

    /// The id of `content`.
    public init(of content: ArraySlice<UInt8>) throws(SodiumError) {
        bytes = try GenericHash.hash(Array(content), outputLength: 32)
    }

    /// An id read back from its 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    public var description: String { GenericHash.hex(bytes) }

    public static func < (a: ContentID, b: ContentID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

/// One chunk of a document: its id and length.
public struct ChunkReference: Hashable, Sendable {
    /// The chunk's content id.
    public let id: ContentID
    /// Its length in bytes.
    public let length: Int
}

/// A document's content as the chunks it is made of, in order: what replicates with
/// the document's metadata, while the chunks travel (and are stored) apart, once each
/// however many documents share them.
public struct DocumentManifest: Hashable, Sendable {
    /// The chunks, in order.
    public let chunks: [ChunkReference]
    /// The id of the whole content (checked after reassembly).
    public let contentID: ContentID

    /// A manifest read back from its chunks and whole id (a document record's).
    public init(chunks: [ChunkReference], contentID: ContentID) {
        self.chunks = chunks
        self.contentID = contentID
    }

    /// The document's size in bytes.
    public var size: Int { chunks.reduce(0) { $0 + $1.length } }

    /// Cuts `content` with `chunker` and names each chunk and the whole.
    public init(content: [UInt8], chunker: ContentChunker = .standard) throws(SodiumError) {
        var chunks: [ChunkReference] = []
        var offset = 0
        for length in chunker.chunkLengths(of: content) {
            chunks.append(ChunkReference(id: try ContentID(of: content[offset..<offset + length]), length: length))
            offset += length
        }
        self.chunks = chunks
        contentID = try ContentID(of: content[...])
    }

    /// The chunks of this manifest with their bytes, for storing or sending.
    public func split(_ content: [UInt8]) -> [(reference: ChunkReference, bytes: ArraySlice<UInt8>)] {
        var offset = 0
        return chunks.map { chunk in
            defer { offset += chunk.length }
            return (chunk, content[offset..<offset + chunk.length])
        }
    }

    /// The content rebuilt from `chunks` (by id), checked against ``contentID``.
    /// - Throws: ``DocumentContentError`` naming a missing or altered chunk, or a whole that does not match.
    public func reassemble(from chunks: [ContentID: [UInt8]]) throws(DocumentContentError) -> [UInt8] {
        var content: [UInt8] = []
        content.reserveCapacity(size)
        for chunk in self.chunks {
            guard let bytes = chunks[chunk.id] else { throw DocumentContentError(.missingChunk, "chunk \(chunk.id) is not here yet; sync to fetch it") }
            guard bytes.count == chunk.length, (try? ContentID(of: bytes[...])) == chunk.id else {
                throw DocumentContentError(.altered, "chunk \(chunk.id) does not match its id; it will be fetched again")
            }
            content += bytes
        }
        guard (try? ContentID(of: content[...])) == contentID else {
            throw DocumentContentError(.altered, "the document's content does not match its id \(contentID)")
        }
        return content
    }
}
