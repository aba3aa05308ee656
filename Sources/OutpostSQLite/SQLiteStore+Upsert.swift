import Foundation
import GRDB
import MergeEngine
import OutpostReplication
public import OutpostModel
public import OutpostStore

extension SQLiteStore {
    /// Writes every record of the batch in one transaction, or none: a record whose id
    /// is stored replaces it in place (its hub write carries the fields that changed),
    /// any other is inserted. What `outpost-server import` and the catalog commands use.
    public func upsert(_ batch: RecordBatch) async throws(StoreError) {
        do throws(StoreError) {
            try batch.validateRecords()
            try await write("writing a batch of \(batch.count) records") { [secrets] db in try batch.insertRecords(db, secrets: secrets, upsert: true) }
        } catch where error.code != .database {
            throw StoreError(error.code, error.message + "; nothing from the batch of \(batch.count) records was written")
        }
    }
}

/// Accounts of a batch that are stored in another territory than the batch gives them.
enum AccountMoves {
    /// The territory each such account is stored in now, by account.
    static func previousTerritories(_ accounts: [Account], _ db: Database) throws -> [AccountID: TerritoryID] {
        var previous: [AccountID: TerritoryID] = [:]
        for account in accounts {
            guard let stored = try Data.fetchOne(db.cachedStatement(sql: "SELECT territory FROM replica_record WHERE id = ?"),
                                                 arguments: [Data(RecordID(account.id).bytes)]) else { continue }
            let from = try ReplicaTable.territoryID(stored)
            if from != account.territoryID { previous[account.id] = from }
        }
        return previous
    }
}
