import Foundation
import NIOCore
import OutpostStore
import PostgresNIO

/// Document content on PostgreSQL (`document_content`): one `bytea` row per chunk under
/// its 32-byte BLAKE2b id, shared by every server instance on the database. Callers check
/// each chunk against its id before storing it; a chunk is committed when
/// ``storeContentChunks(_:)`` returns, before any record naming it is written.
extension PostgresStore {
    /// Stores those of `chunks` not yet stored, in one transaction.
    /// - Returns: the bytes newly stored.
    public func storeContentChunks(_ chunks: [(id: [UInt8], bytes: [UInt8])]) async throws(StoreError) -> Int {
        guard !chunks.isEmpty else { return 0 }
        return try await transaction("storing document content") { [logger] connection in
            var stored = 0
            for chunk in chunks {
                let rows = try await connection.query("""
                    INSERT INTO document_content (chunk, bytes) VALUES (\(Data(chunk.id)), \(Data(chunk.bytes)))
                    ON CONFLICT (chunk) DO NOTHING RETURNING length(bytes)
                    """, logger: logger)
                for try await length in rows.decode(Int32.self) { stored += Int(length) }
            }
            return stored
        }
    }

    /// The bytes of those of chunks `ids` stored, by id, in one query.
    public func contentChunks(_ ids: [[UInt8]]) async throws(StoreError) -> [[UInt8]: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let wanted = ids.map { ByteBuffer(bytes: $0) }
        return try await read("reading document content") { [logger] connection in
            let rows = try await connection.query("SELECT chunk, bytes FROM document_content WHERE chunk = ANY(\(wanted))", logger: logger)
            var found: [[UInt8]: [UInt8]] = [:]
            for try await (id, bytes) in rows.decode((Data, Data).self) { found[[UInt8](id)] = [UInt8](bytes) }
            return found
        }
    }

    /// The ids among `ids` whose chunk is stored.
    public func heldContentChunks(_ ids: [[UInt8]]) async throws(StoreError) -> Set<[UInt8]> {
        guard !ids.isEmpty else { return [] }
        let wanted = ids.map { ByteBuffer(bytes: $0) }
        return try await read("looking up document content") { [logger] connection in
            let rows = try await connection.query("SELECT chunk FROM document_content WHERE chunk = ANY(\(wanted))", logger: logger)
            return Set(try await rows.all(Data.self).map { [UInt8]($0) })
        }
    }
}
