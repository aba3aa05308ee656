import Foundation
import OutpostStore
import PostgresNIO

extension PostgresStore {
    /// Signs again the products an upgrade marked (`catalog_resign`, migration
    /// pg9-catalog-bundle-digest), in one ledger transaction; a no-op once done.
    func resignMarkedCatalogs() async throws(StoreError) {
        let marked = try await read("looking for catalogs to sign again") { [logger] connection in
            try await connection.query("SELECT EXISTS (SELECT 1 FROM catalog_resign)", logger: logger).single(Bool.self)
        }
        guard marked else { return }
        let key = try await catalogSigningKey()
        let now = Date()
        try await records("signing the catalog again", exclusive: true) { connection in
            var writer = try PostgresBatchWriter(connection, upsert: false, now: now)
            try writer.resignMarkedProducts(key: key)
        }
    }
}
