import Foundation
import GRDB
import HubCore
import OutpostModel
import MergeEngine
import OutpostReplication
import OutpostStore

extension RecordBatch {
    /// Checks every record's own invariants before anything is written.
    /// - Throws: `.invalid` naming the first bad record and field.
    func validateRecords() throws(StoreError) {
        try Self.validate(territories, "territory")
        try Self.validate(users, "user")
        try Self.validate(accounts, "account")
        try Self.validate(contacts, "contact")
        try Self.validate(leads, "lead")
        try Self.validate(opportunities, "opportunity")
        try Self.validate(activities, "activity")
        try Self.validate(products, "product")
        try Self.validate(productOptions, "product option")
        try Self.validate(priceBooks, "price book")
        try Self.validate(quotas, "quota")
    }

    private static func validate<R: Validatable & Identifiable>(_ records: [R], _ kind: String) throws(StoreError) {
        for record in records {
            do throws(ValidationError) {
                try record.validate()
            } catch {
                throw StoreError(.invalid, "\(kind) \(record.id): \(error)")
            }
        }
    }

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
        let territories = try Territory.parentsFirst(territories)
        let time = WallClock(date: now)
        try ChangeSequence.use(db) { sequence in
            func insert<R: ReplicatedRecord>(_ records: [R], _ row: (R, Database, Int64) throws -> Void) throws {
                for record in records {
                    let seq = sequence.next()
                    try row(record, db, seq)
                    try ReplicaTable.recordHubWrite(db, record, seq: seq, time: time)
                }
            }
            try insert(territories) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(users) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            let movedAccounts = upsert ? try AccountMoves.find(accounts, db) : []
            try insert(accounts) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            let ledger = SQLiteLedgerTransaction(db: db)
            for move in movedAccounts {
                let seq = try ReplicaTable.load(db, RecordID(move.account.id))?.seq ?? UInt64(sequence.next())
                try AccountFamily.move(move.account.id, from: move.from, to: move.account.territoryID, seq: seq, in: ledger) {
                    UInt64(sequence.next())
                }
            }
            try insert(contacts) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(leads) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(opportunities) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(activities) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(products) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(productOptions) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(priceBooks) { try $0.insert($1, changeSeq: $2, upsert: upsert) }
            try insert(configuratorModels) { try $0.insert($1, changeSeq: $2) }
            try insert(forecastSubmissions) { try $0.insert($1, changeSeq: $2) }
            try insert(quotas) { _, _, _ in }  // Quotas live in `replica_record` only.
            try CatalogSigning.resign(CatalogSigning.touchedProducts(by: self), db, secrets: secrets, sequence: &sequence, time: time)
        }
    }
}
