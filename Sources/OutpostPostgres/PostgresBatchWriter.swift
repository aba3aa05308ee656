import Foundation
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import PostgresNIO
import SodiumKit

/// Writes a ``RecordBatch`` inside one ledger transaction (the change sequence's lock
/// held, so it runs alone among writers on every instance): each record's domain rows
/// through the shared mapping, then its hub state at the next change sequence value,
/// parents before children, as on SQLite; then a newly signed catalog bundle of each
/// product the batch touches. Rows go out in multi-row inserts (``PostgresRowBuffer``):
/// the domain rows of one kind at a time, so parents are stored before their children,
/// and the hub states apart (they refer to no domain row).
struct PostgresBatchWriter {
    let ledger: PostgresLedgerTransaction
    /// Where each record written so far routes, so a child's route needs no query.
    private var routes: [RecordID: TerritoryID?] = [:]
    private var domainRows = PostgresRowBuffer()
    private var hubRows = PostgresRowBuffer()
    private var sequence: Int64
    private let time: WallClock
    private let upsert: Bool

    /// Starts at the change sequence's current value.
    init(_ ledger: PostgresLedgerTransaction, upsert: Bool, now: Date) throws {
        self.ledger = ledger
        self.upsert = upsert
        time = WallClock(date: now)
        sequence = Int64(clamping: try ledger.currentSequence())
    }

    /// Writes every record of `batch` and stores the last change sequence value taken.
    /// - Throws: `StoreError` naming the first record the database refuses.
    mutating func write(_ batch: RecordBatch, signingKey: SigningKeyPair?) throws {
        try write(try batch.territoriesParentsFirst())
        try write(batch.users)
        let previousTerritories = upsert ? try previousTerritories(batch.accounts) : [:]
        let accountSeqs = try write(batch.accounts)
        if !previousTerritories.isEmpty { try flush() }
        for (account, seq) in zip(batch.accounts, accountSeqs) {
            guard let from = previousTerritories[account.id] else { continue }
            try AccountFamily.move(account.id, from: from, to: account.territoryID, seq: UInt64(seq), in: ledger) {
                UInt64(next())
            }
        }
        try write(batch.contacts)
        try write(batch.leads)
        try write(batch.opportunities)
        try write(batch.activities)
        try write(batch.products)
        try write(batch.productOptions)
        try write(batch.priceBooks)
        try write(batch.configuratorModels, upsert: false)
        try write(batch.forecastSubmissions, upsert: false)
        for quota in batch.quotas { try recordHubWrite(quota, seq: next(), isNew: false) }  // Quotas live in `replica_record` only.
        let products = batch.catalogProducts
        try flush()
        if !products.isEmpty {
            guard let signingKey else { throw StoreError(.database, "the catalog changed but no signing key was loaded") }
            try resign(products, key: signingKey)
            try flush()
        }
        try ledger.connection.run("UPDATE change_sequence SET value = \(sequence) WHERE id = 1")
    }

    /// Signs a new bundle of every product `catalog_resign` lists (products an upgrade
    /// marked), then empties it. Each bundle's state is made anew, as SQLite's migration
    /// does (`CatalogSigning.resignEverySignedProduct`), so the retired per-member digests
    /// leave the hub and, through the new state's context, the devices.
    mutating func resignMarkedProducts(key: SigningKeyPair) throws {
        let products = Set(try ledger.connection.column(UUID.self, "SELECT product_id FROM catalog_resign").map { ProductID($0) })
        guard !products.isEmpty else { return }
        try ledger.connection.run("DELETE FROM replica_record WHERE kind = \(Int64(ReplicatedKind.catalogBundle.rawValue))")
        try resign(products, key: key)
        try flush()
        try ledger.connection.run("DELETE FROM catalog_resign")
        try ledger.connection.run("UPDATE change_sequence SET value = \(sequence) WHERE id = 1")
    }

    /// Writes every held row.
    private mutating func flush() throws {
        try domainRows.flush(ledger.connection)
        try hubRows.flush(ledger.connection)
    }

    private mutating func next() -> Int64 {
        sequence += 1
        return sequence
    }

    /// Writes `records` in order; returns the change sequence value each took.
    @discardableResult
    private mutating func write<R: ReplicatedRecord & DomainRecord>(_ records: [R], upsert: Bool? = nil) throws -> [Int64] {
        let upsert = upsert ?? self.upsert
        var seqs: [Int64] = []
        for record in records {
            let seq = next()
            for statement in record.statements(changeSeq: seq, upsert: upsert) {
                switch statement {
                case .write(let row): try domainRows.append(row, ledger.connection)
                case .clear:
                    try domainRows.flush(ledger.connection)
                    try ledger.connection.write([statement])
                }
            }
            // A plain insert succeeded, so the hub has no state of the record yet.
            try recordHubWrite(record, seq: seq, isNew: !upsert)
            seqs.append(seq)
        }
        return seqs
    }

    /// Stores the hub's own write of `record` at `seq` (a create, or an update of the
    /// fields that changed), routed where its route leads.
    private mutating func recordHubWrite(_ record: some ReplicatedRecord, seq: Int64, isNew: Bool) throws {
        let id = record.recordID
        if hubRows.holds(.blob(Data(id.bytes))) { try hubRows.flush(ledger.connection) }
        let existing = isNew ? nil : try ledger.record(id)?.state
        let state = HubWrite.state(of: record, over: existing, stamp: UInt64(seq), time: time)
        let territory = try territory(of: record.route, of: "\(type(of: record).kind.name) \(AccountID(id))")
        routes[id] = territory
        try hubRows.append(ReplicaTable.row(StoredRecord(state: state, kind: type(of: record).kind, territory: territory,
                                                         parent: record.route.parent?.id, seq: UInt64(seq))), ledger.connection)
    }

    /// The territory `route` leads to; `record` names the record routed, for errors.
    private func territory(of route: RecordRoute, of record: String) throws -> TerritoryID? {
        if let parent = route.parent, let known = routes[parent.id] { return known }
        do { return try Routing.territory(of: route, in: ledger) } catch is LedgerRefusal {
            let parent = route.parent.map { "\($0.kind.name) \(AccountID($0.id))" } ?? "a record"
            throw StoreError(.missingReference, "\(record) refers to \(parent) which does not exist")
        }
    }

    /// The territory each account of the batch is stored in now, for those the batch
    /// gives another territory.
    private func previousTerritories(_ accounts: [Account]) throws -> [AccountID: TerritoryID] {
        var previous: [AccountID: TerritoryID] = [:]
        for account in accounts {
            guard let stored = try ledger.connection.value(UUID.self, "SELECT territory_id FROM account WHERE id = \(account.id.uuid)"),
                  stored != account.territoryID.uuid else { continue }
            previous[account.id] = TerritoryID(stored)
        }
        return previous
    }

    /// Signs a new bundle of each of `products` from the records now stored, each at the
    /// next change sequence value (its version).
    private mutating func resign(_ products: Set<ProductID>, key: SigningKeyPair) throws {
        let connection = ledger.connection
        let priceBooks = try PriceBook.fetchAll(connection)
        for productID in products.sorted(by: { RecordID($0) < RecordID($1) }) {
            guard let product = try connection.decoded("\(unescaped: Product.shape.selectSQL) WHERE id = \(productID.uuid)",
                                                       Product.init(stored:)).first else { continue }
            let options = try connection.decoded("\(unescaped: ProductOption.shape.selectSQL) WHERE product_id = \(productID.uuid)",
                                                 ProductOption.init(stored:))
            let models = try connection.decoded("\(unescaped: ConfiguratorModel.shape.selectSQL) WHERE product_id = \(productID.uuid)",
                                                ConfiguratorModel.init(stored:))
            let version = next()
            let bundle = CatalogBundle.signed(
                productID: productID, version: Int(version),
                members: CatalogBundle.members(of: product, options: options, models: models, priceBooks: priceBooks), key: key)
            try connection.run("INSERT INTO catalog_bundle_version (version, product_id) VALUES (\(version), \(productID.uuid))")
            try recordHubWrite(bundle, seq: version, isNew: false)
        }
    }
}
