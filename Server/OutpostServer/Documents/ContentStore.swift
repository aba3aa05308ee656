public import DocumentContent

/// Where the server keeps document content, chunk by chunk under each chunk's BLAKE2b
/// id: a folder beside a SQLite database (``ContentFolder``), a table of a PostgreSQL
/// database (`PostgresStore`). A chunk is durable once stored, so a record committed
/// after it never names bytes a crash could lose.
public protocol ContentStore: Sendable {
    /// Stores those of `chunks` not yet here, durably; each was checked against its id.
    /// - Returns: the bytes newly stored.
    func write(checked chunks: [(id: ContentID, bytes: [UInt8])]) async throws -> Int
    /// The stored bytes of those of `ids` here, unchecked.
    func storedBytes(of ids: [ContentID]) async throws -> [ContentID: [UInt8]]
    /// The ids among `ids` whose chunk is here.
    func held(_ ids: [ContentID]) async throws -> Set<ContentID>
    /// Deletes the chunks `ids` (those not here are ignored), from inside the database's
    /// orphan collection (`DocumentStore.collectOrphanChunks`), which no upload's hold
    /// interleaves with. A store inside that database has its chunks deleted by the
    /// collection's own transaction, and does nothing here.
    func deleteCollected(_ ids: Set<ContentID>) throws
}

extension ContentStore {
    /// Cuts `content` into chunks, stores those not yet here, and returns its manifest.
    public func store(_ content: [UInt8]) async throws -> DocumentManifest {
        let manifest: DocumentManifest
        do { manifest = try DocumentManifest(content: content) } catch {
            throw ContentStoreError("cannot hash the document: \(error)")
        }
        _ = try await write(checked: manifest.split(content).map { ($0.reference.id, Array($0.bytes)) })
        return manifest
    }

    /// Stores `chunks` not yet here, each checked against its id first.
    /// - Returns: the bytes newly stored.
    /// - Throws: ``ContentStoreError`` for a chunk whose bytes do not match its id
    ///   (nothing is stored), or what storing throws.
    @discardableResult
    public func store(chunks: [(id: ContentID, bytes: [UInt8])]) async throws -> Int {
        for chunk in chunks where (try? ContentID(of: chunk.bytes[...])) != chunk.id {
            throw ContentStoreError("chunk \(chunk.id) does not match its bytes; nothing was stored")
        }
        return try await write(checked: chunks)
    }

    /// The bytes of those of chunks `ids` here, each checked against its id (a damaged
    /// one is left out, as if it were not here).
    public func chunks(_ ids: [[UInt8]]) async throws -> [[UInt8]: [UInt8]] {
        let stored = try await storedBytes(of: ids.compactMap(ContentID.init(bytes:)))
        var checked: [[UInt8]: [UInt8]] = [:]
        for (id, bytes) in stored where (try? ContentID(of: bytes[...])) == id { checked[id.bytes] = bytes }
        return checked
    }
}

/// Document content cannot be read or written; the message says which and why.
public struct ContentStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
