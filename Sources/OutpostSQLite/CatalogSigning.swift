import Foundation
import GRDB
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
