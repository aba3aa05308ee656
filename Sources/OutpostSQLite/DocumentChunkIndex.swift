import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostReplication

/// The chunks each live document names (`document_chunk`), kept in the transaction
/// that writes the document's record: what a content request is checked against.
enum DocumentChunkIndex {
    /// Replaces the chunks listed for `document`.
    static func index(_ db: Database, _ document: Document) throws {
        try remove(db, document: document.id)
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_chunk (document, chunk) VALUES (?, ?)")
        for chunk in document.content.chunks {
            try insert.execute(arguments: [Data(RecordID(document.id).bytes), Data(chunk.id)])
        }
    }

    /// Forgets the chunks of a removed document, keeping them as orphan candidates
    /// (`document_orphan`): their content goes once no live document names them.
    static func remove(_ db: Database, document: DocumentID) throws {
        let id = Data(RecordID(document).bytes)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_orphan (chunk) SELECT chunk FROM document_chunk WHERE document = ?")
            .execute(arguments: [id])
        try db.cachedStatement(sql: "DELETE FROM document_chunk WHERE document = ?").execute(arguments: [id])
    }
}
