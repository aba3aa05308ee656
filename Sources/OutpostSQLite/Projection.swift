import GRDB
import OutpostModel
import OutpostReplication
import OutpostStore

/// Keeps the domain tables (what the server's own queries, exports and forecasts
/// read) equal to the merged view of each replicated record after a device write.
enum Projection {
    /// Writes `record`'s merged view into its domain table, or deletes its row when the
    /// merged view is deleted.
    /// - Throws: `StoreError` when the table refuses the row (e.g. a missing reference),
    ///   and `.invalid` for kinds devices cannot write.
    static func apply(_ db: Database, _ record: any ReplicatedRecord, deleted: Bool, seq: Int64) throws {
        guard !deleted else {
            try delete(db, record)
            return
        }
        if let statements = try DeviceProjection.statements(of: record, named: type(of: record).kind.name, seq: seq) {
            try db.write(statements)
        }
    }

    private static func delete(_ db: Database, _ record: any ReplicatedRecord) throws {
        guard let table = try DeviceProjection.table(of: record, named: type(of: record).kind.name) else { return }
        let id = EntityID<Account>(record.recordID).sql
        do {
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw StoreError(.invalid, "\(table) \(id) still has records that refer to it; delete or move them first")
        }
    }
}
