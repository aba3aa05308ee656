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
        switch record {
        case let account as Account: try account.insert(db, changeSeq: seq, upsert: true)
        case let contact as Contact: try contact.insert(db, changeSeq: seq, upsert: true)
        case let lead as Lead: try lead.insert(db, changeSeq: seq, upsert: true)
        case let opportunity as Opportunity: try opportunity.insert(db, changeSeq: seq, upsert: true)
        case let activity as Activity: try activity.insert(db, changeSeq: seq, upsert: true)
        case let submission as ForecastSubmission:
            try db.execute(sql: "DELETE FROM forecast_submission WHERE id = ?", arguments: [submission.id.sql])
            try submission.insert(db, changeSeq: seq)
        case is ForecastAdjustment, is Quota:
            break  // No domain table: the hub's `replica_record` row is the record (see `forecastAdjustments()`).
        // Quotes live in the hub's record states only; orders are projected by `OrderLedger`.
        case is Quote, is Order: break
        // Documents live in the hub's record states; their chunks are indexed for content requests.
        case let document as Document: try DocumentChunkIndex.index(db, document)
        default:
            throw StoreError(.invalid, "\(type(of: record).kind.name) records cannot be written by devices")
        }
    }

    private static func delete(_ db: Database, _ record: any ReplicatedRecord) throws {
        let table: String
        switch record {
        case is Account: table = "account"
        case is Contact: table = "contact"
        case is Lead: table = "lead"
        case is Opportunity: table = "opportunity"
        case is Activity: table = "activity"
        case is ForecastSubmission: table = "forecast_submission"
        case is ForecastAdjustment, is Quota: return
        case is Document:
            try DocumentChunkIndex.remove(db, document: DocumentID(record.recordID))
            return
        default: throw StoreError(.invalid, "\(type(of: record).kind.name) records cannot be deleted by devices")
        }
        let id = EntityID<Account>(record.recordID).sql
        do {
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw StoreError(.invalid, "\(table) \(id) still has records that refer to it; delete or move them first")
        }
    }
}
