import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import PostgresNIO

/// The chunks each live document names (`document_chunk`), kept in the transaction that
/// writes the document's record, as on SQLite: what a content request is checked
/// against. A removed or replaced document's chunks become orphan candidates
/// (`document_orphan`), whose content goes once no live document names them.
enum PostgresDocumentChunks {
    /// The advisory lock key that an upload's hold and an orphan collection take, so the
    /// collection's choice and deletion see every hold committed before it and no hold
    /// commits in between (any constant other Outpost locks do not use).
    static let lockKey: Int64 = 0x4f75_7470_6f73_7403
    /// Takes ``lockKey`` until the transaction ends.
    static let lockSQL: PostgresQuery = "SELECT pg_advisory_xact_lock(\(lockKey))"

    /// Replaces the chunks listed for `document`.
    static func index(_ connection: BlockingConnection, _ document: Document) throws {
        try remove(connection, document: document.id)
        let id = Data(RecordID(document.id).bytes)
        for chunk in Set(document.content.chunks.map(\.id)) {
            try connection.run("INSERT INTO document_chunk (document, chunk) VALUES (\(id), \(Data(chunk))) ON CONFLICT DO NOTHING")
        }
    }

    /// Forgets the chunks of a removed document, keeping them as orphan candidates.
    static func remove(_ connection: BlockingConnection, document: DocumentID) throws {
        let id = Data(RecordID(document).bytes)
        try connection.run("""
            INSERT INTO document_orphan (chunk) SELECT chunk FROM document_chunk WHERE document = \(id) ON CONFLICT DO NOTHING
            """)
        try connection.run("DELETE FROM document_chunk WHERE document = \(id)")
    }
}
