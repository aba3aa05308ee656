import Foundation
import GRDB
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import SodiumKit

/// The server's Ed25519 catalog-signing key (`catalog_signing_key`) and the signed
/// bundles it makes: whenever catalog records change, every product they touch gets
/// a freshly signed ``CatalogBundle`` in the same transaction, and its version is
/// kept in `catalog_bundle_version` so order intake can tell a signed version.
enum CatalogSigning {
    /// The signing key, created on first use, its secret half sealed under the key file.
    static func key(_ db: Database, _ secrets: ServerSecrets) throws -> SigningKeyPair {
        let pair = try secrets.keyPair(db, named: ServerSecrets.catalogSigningKeyName) {
            let made = try SigningKeyPair.generate()
            return (made.publicKey.bytes, made.secretKeyBytes)
        }
        return try SigningKeyPair(publicKey: Signing.PublicKey(pair.publicKey), secretKeyBytes: pair.secretKey)
    }

    /// Signs a new bundle of each of `products` from the records now stored, each at
    /// the next change-sequence value (its version).
    static func resign(_ products: Set<ProductID>, _ db: Database, secrets: ServerSecrets, sequence: inout ChangeSequence,
                       time: WallClock) throws {
        guard !products.isEmpty else { return }
        let key = try key(db, secrets)
        let priceBooks = try PriceBook.fetchAll(db)
        for productID in products.sorted(by: { RecordID($0) < RecordID($1) }) {
            guard let product = try db.fetch(Product.selectSQL + " WHERE id = ?", [productID.sql], Product.init(row:)).first else { continue }
            let options = try db.fetch(ProductOption.selectSQL + " WHERE product_id = ?", [productID.sql], ProductOption.init(row:))
            let models = try db.fetch(ConfiguratorModel.selectSQL + " WHERE product_id = ?", [productID.sql], ConfiguratorModel.init(row:))
            let version = sequence.next()
            let bundle = CatalogBundle.signed(
                productID: productID, version: Int(version),
                members: CatalogBundle.members(of: product, options: options, models: models, priceBooks: priceBooks), key: key)
            try db.execute(sql: "INSERT INTO catalog_bundle_version (version, product_id) VALUES (?, ?)",
                           arguments: [version, productID.sql])
            try ReplicaTable.recordHubWrite(db, bundle, seq: version, time: time)
        }
    }
}

extension CatalogSigning {
    /// Signs a new bundle of every product signed before. Bundles signed before they
    /// carried one digest over their members listed a digest per member (a retired
    /// field that an update would leave in place), so each bundle's state is made anew:
    /// the new state's context covers the old one's entries, so devices drop them too
    /// when the new bundle reaches them on their next sync.
    /// - Throws: `StoreError` when there are bundles to sign and no key file was given.
    static func resignEverySignedProduct(_ db: Database, secrets: ServerSecrets?, now: Date = Date()) throws {
        let products = try Set(Row.fetchAll(db, sql: "SELECT DISTINCT product_id FROM catalog_bundle_version").map { row in
            try ProductID.decode(row[0], "catalog_bundle_version", "product_id")
        })
        guard !products.isEmpty else { return }
        guard let secrets else {
            throw StoreError(.database, "this database's catalog bundles must be signed again in their new form; "
                + "open it with outpost-server (any command) and its key file")
        }
        try db.execute(sql: "DELETE FROM replica_record WHERE kind = ?", arguments: [Int64(ReplicatedKind.catalogBundle.rawValue)])
        try ChangeSequence.use(db) { sequence in
            try resign(products, db, secrets: secrets, sequence: &sequence, time: WallClock(date: now))
        }
    }
}

extension SQLiteStore {
    /// The public half of the server's catalog-signing key (created on first use),
    /// which devices learn at enrolment.
    public func catalogSigningPublicKey() async throws(StoreError) -> [UInt8] {
        try await write("loading the catalog-signing key") { [secrets] db in try CatalogSigning.key(db, secrets).publicKey.bytes }
    }

    /// Whether the server signed a catalog bundle of `version`.
    public func isSignedCatalogVersion(_ version: Int) async throws(StoreError) -> Bool {
        try await read("looking up catalog bundle version \(version)") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM catalog_bundle_version WHERE version = ?)",
                              arguments: [Int64(version)]) ?? false
        }
    }
}
