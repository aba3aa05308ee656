import GRDB
import OutpostStore
import Foundation

extension ServerSecrets {
    /// The key pair stored as `name`, made by `make` and stored sealed on first use.
    func keyPair(_ db: Database, named name: String,
                 creating make: () throws -> (publicKey: [UInt8], secretKey: [UInt8])) throws -> (publicKey: [UInt8], secretKey: [UInt8]) {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT public_key, sealed_secret_key FROM sealed_key_pair WHERE name = ?"),
                                      arguments: [name]) {
            return ([UInt8](row[0] as Data), try open([UInt8](row[1] as Data), name: name))
        }
        let pair = try make()
        try storeKeyPair(db, named: name, publicKey: pair.publicKey, secretKey: pair.secretKey)
        return pair
    }

    private func storeKeyPair(_ db: Database, named name: String, publicKey: [UInt8], secretKey: [UInt8]) throws {
        try db.execute(sql: "INSERT INTO sealed_key_pair (name, public_key, sealed_secret_key) VALUES (?, ?, ?)",
                       arguments: [name, Data(publicKey), Data(try seal(secretKey, name: name))])
    }

    /// Seals the secrets an older Outpost kept in clear (`server_key`,
    /// `catalog_signing_key`, `enrolment_code.seal_key`) into their sealed places, in
    /// the migration that then drops the clear ones.
    static func sealClearSecrets(_ db: Database, with secrets: ServerSecrets?) throws {
        let clearPairs = [("server_key", serverKeyName), ("catalog_signing_key", catalogSigningKeyName)]
        let clearCodes = try Row.fetchAll(db, sql: "SELECT code_hash, seal_key FROM enrolment_code WHERE seal_key IS NOT NULL")
        var pairs: [(name: String, row: Row)] = []
        for (table, name) in clearPairs {
            if let row = try Row.fetchOne(db, sql: "SELECT public_key, secret_key FROM \(table) WHERE id = 1") { pairs.append((name, row)) }
        }
        guard !pairs.isEmpty || !clearCodes.isEmpty else { return }
        guard let secrets else {
            throw StoreError(.database, "this database keeps the server's secret keys in clear; open it with outpost-server "
                + "(any command) to seal them under its key file")
        }
        for pair in pairs {
            try secrets.storeKeyPair(db, named: pair.name, publicKey: [UInt8](pair.row[0] as Data), secretKey: [UInt8](pair.row[1] as Data))
        }
        for code in clearCodes {
            let codeHash: String = code[0]
            try db.execute(sql: "UPDATE enrolment_code SET sealed_key = ? WHERE code_hash = ?",
                           arguments: [Data(try secrets.seal([UInt8](code[1] as Data), name: enrolmentKeyName(codeHash: codeHash))), codeHash])
        }
    }
}

extension SQLiteStore {
    /// Whether the database at `pool` already holds secrets sealed under a key file
    /// (then a missing key file is an error, not something to create).
    static func holdsSealedSecrets(_ pool: DatabasePool, describedAs name: String) throws(StoreError) -> Bool {
        do {
            return try pool.read { db in
                guard try db.tableExists("sealed_key_pair") else { return false }
                return try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM sealed_key_pair) OR EXISTS (SELECT 1 FROM enrolment_code WHERE sealed_key IS NOT NULL)
                    """) ?? false
            }
        } catch {
            throw StoreError.from(error, doing: "reading \(name)")
        }
    }
}
