public import DocumentContent
public import OutpostPostgres

/// Document content in PostgreSQL's `document_content` table, shared by every instance.
extension PostgresStore: ContentStore {
    public func write(checked chunks: [(id: ContentID, bytes: [UInt8])]) async throws -> Int {
        try await storeContentChunks(chunks.map { ($0.id.bytes, $0.bytes) })
    }

    public func storedBytes(of ids: [ContentID]) async throws -> [ContentID: [UInt8]] {
        var found: [ContentID: [UInt8]] = [:]
        for (id, bytes) in try await contentChunks(ids.map(\.bytes)) {
            if let id = ContentID(bytes: id) { found[id] = bytes }
        }
        return found
    }

    public func held(_ ids: [ContentID]) async throws -> Set<ContentID> {
        let held = try await heldContentChunks(ids.map(\.bytes))
        return Set(ids.filter { held.contains($0.bytes) })
    }

    /// Nothing: `document_content` is in this database, so its collection deletes the
    /// chunks in its own transaction.
    public func deleteCollected(_ ids: Set<ContentID>) {}
}
