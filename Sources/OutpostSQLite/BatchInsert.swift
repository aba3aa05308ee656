import Foundation
import GRDB
import HubCore
import OutpostModel
import MergeEngine
import OutpostReplication
import OutpostStore

extension RecordBatch {
    /// Inserts every record, parents before children, inside the caller's transaction,
    /// together with its hub merge state (``ReplicaTable``).
    ///
    /// Each record takes the next value of the change sequence in insertion order;
    /// then every product the batch's catalog records touch gets a newly signed
    /// bundle (``CatalogSigning``). With `upsert`, a record whose id is stored replaces
    /// it in place (the hub's write carries the fields that changed); an account that
    /// changes territory takes along every record that routes through it
    /// (``AccountFamily``), and the old territory's devices evict them.
    /// Configurator models and forecast submissions are always inserted.
    func insertRecords(_ db: Database, secrets: ServerSecrets, now: Date = Date(), upsert: Bool = false) throws {
        let territories = try territoriesParentsFirst()
        let time = WallClock(date: now)
        try ChangeSequence.use(db) { sequence in
            /// Writes `records` in order; returns the change sequence value each took.
            @discardableResult
            func insert<R: ReplicatedRecord & DomainRecord>(_ records: [R], upsert: Bool = upsert) throws -> [Int64] {
                try records.map { record in
                    let seq = sequence.next()
                    try db.write(record.statements(changeSeq: seq, upsert: upsert))
                    try ReplicaTable.recordHubWrite(db, record, seq: seq, time: time)
                    return seq
                }
            }
            try insert(territories)
            try insert(users)
            let previousTerritories = upsert ? try AccountMoves.previousTerritories(accounts, db) : [:]
            let ledger = SQLiteLedgerTransaction(db: db)
            for (account, seq) in zip(accounts, try insert(accounts)) {
                guard let from = previousTerritories[account.id] else { continue }
                try AccountFamily.move(account.id, from: from, to: account.territoryID, seq: UInt64(seq), in: ledger) {
                    UInt64(sequence.next())
                }
            }
            try insert(contacts)
            try insert(leads)
            try insert(opportunities)
            try insert(activities)
            try insert(products)
            try insert(productOptions)
            try insert(priceBooks)
            try insert(configuratorModels, upsert: false)
            try insert(forecastSubmissions, upsert: false)
            for quota in quotas {  // Quotas live in `replica_record` only.
                try ReplicaTable.recordHubWrite(db, quota, seq: sequence.next(), time: time)
            }
            try CatalogSigning.resign(catalogProducts, db, secrets: secrets, sequence: &sequence, time: time)
        }
    }
}
