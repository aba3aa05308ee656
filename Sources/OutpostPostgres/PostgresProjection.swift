import Foundation
import OutpostModel
import OutpostReplication
import OutpostStore
import PostgresNIO

/// Keeps the domain tables (what the server's own queries, exports and forecasts read)
/// equal to the merged view of each replicated record after a device write, with the
/// same mapping as on SQLite (``DeviceProjection``): an upsert in place (rows referring
/// to it keep their foreign keys), or a delete when the merged view is deleted.
struct PostgresProjection {
    let connection: BlockingConnection

    /// Writes `record`'s merged view into its domain table, or deletes its row.
    /// - Throws: `StoreError` when the table refuses the row (a missing reference, a
    ///   broken check), and `.invalid` for kinds devices cannot write.
    func apply(_ record: any ReplicatedRecord, deleted: Bool, seq: Int64) throws {
        let name = type(of: record).kind.name
        // Documents live in the hub's record states; their chunks are indexed for content requests.
        if let document = record as? Document {
            if deleted { try PostgresDocumentChunks.remove(connection, document: document.id) } else {
                try PostgresDocumentChunks.index(connection, document)
            }
            return
        }
        guard deleted else {
            if let statements = try DeviceProjection.statements(of: record, named: name, seq: seq) { try connection.write(statements) }
            return
        }
        guard let table = try DeviceProjection.table(of: record, named: name) else { return }
        let id = AccountID(record.recordID)
        do {
            // The table name is one of the mapping's constants; the id is bound.
            try connection.run("DELETE FROM \(unescaped: table) WHERE id = \(id.uuid)")
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23503" {
            throw StoreError(.invalid, "\(table) \(id) still has records that refer to it; delete or move them first")
        }
    }
}
