import GRDB
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
    static func find(_ accounts: [Account], _ db: Database) throws -> [Account] {
        try accounts.filter { account in
            let stored = try String.fetchOne(db.cachedStatement(sql: "SELECT territory_id FROM account WHERE id = ?"),
                                             arguments: [account.id.sql])
            return stored.map { $0 != account.territoryID.sql } ?? false
        }
    }
}
