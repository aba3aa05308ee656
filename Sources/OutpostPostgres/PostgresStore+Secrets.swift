public import Foundation
public import OutpostModel
public import OutpostStore
import PostgresNIO
import SodiumKit

extension PostgresStore {
    /// The server's key pair, created by `make` on first use and stored in the database,
    /// its secret half sealed under the key file. Instances starting at once agree on one
    /// pair: the first insert wins, every instance then reads the stored one.
    public func serverKey(creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8]) {
        try await keyPair(named: ServerSecrets.serverKeyName, doing: "loading the server's key", creating: make)
    }

    /// The server's catalog-signing key (created on first use), which signs catalog bundles.
    func catalogSigningKey() async throws(StoreError) -> SigningKeyPair {
        let pair = try await keyPair(named: ServerSecrets.catalogSigningKeyName, doing: "loading the catalog-signing key") {
            let made = try SigningKeyPair.generate()
            return (made.publicKey.bytes, made.secretKeyBytes)
        }
        do {
            return try SigningKeyPair(publicKey: Signing.PublicKey(pair.publicKey), secretKeyBytes: pair.secretKey)
        } catch {
            throw StoreError(.database, "the stored catalog-signing key of \(location) is unreadable (\(error)); restore a backup")
        }
    }

    /// The public half of the server's catalog-signing key (created on first use),
    /// which devices learn at enrolment.
    public func catalogSigningPublicKey() async throws(StoreError) -> [UInt8] {
        try await catalogSigningKey().publicKey.bytes
    }

    /// The unredeemed enrolment code stored under `hash`, its key opened, to open the request with.
    public func enrolmentCode(hash: String) async throws(StoreError) -> EnrolmentCode? {
        let secrets = try requireSecrets()
        return try await read("looking up an enrolment code") { [logger] connection in
            let rows = try await connection.query("""
                SELECT user_id, expires_at, used_at, sealed_key FROM enrolment_code WHERE code_hash = \(hash)
                """, logger: logger)
            for try await (user, expires, used, sealed) in rows.decode((UUID, Date, Date?, Data?).self) {
                let key = try sealed.map { try secrets.open([UInt8]($0), name: ServerSecrets.enrolmentKeyName(codeHash: hash)) }
                return EnrolmentCode(codeHash: hash, userID: UserID(user), expiresAt: expires.millisecondAligned,
                                     usedAt: used?.millisecondAligned, sealKey: key)
            }
            return nil
        }
    }

    /// The key pair stored as `name`, made by `make` and stored sealed on first use.
    private func keyPair(named name: String, doing action: String,
                         creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8]) {
        let secrets = try requireSecrets()
        return try await transaction(action) { [logger] connection in
            if let stored = try await Self.storedPair(name, connection, secrets, logger: logger) { return stored }
            let pair = try make()
            try await connection.query("""
                INSERT INTO sealed_key_pair (name, public_key, sealed_secret_key)
                VALUES (\(name), \(Data(pair.publicKey)), \(Data(try secrets.seal(pair.secretKey, name: name))))
                ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            guard let stored = try await Self.storedPair(name, connection, secrets, logger: logger) else {
                throw StoreError(.database, "the server's \(name) vanished while it was stored")
            }
            return stored
        }
    }

    private static func storedPair(_ name: String, _ connection: PostgresConnection, _ secrets: ServerSecrets,
                                   logger: Logger) async throws -> (publicKey: [UInt8], secretKey: [UInt8])? {
        let rows = try await connection.query("SELECT public_key, sealed_secret_key FROM sealed_key_pair WHERE name = \(name)",
                                              logger: logger)
        for try await (publicKey, sealed) in rows.decode((Data, Data).self) {
            return ([UInt8](publicKey), try secrets.open([UInt8](sealed), name: name))
        }
        return nil
    }

    /// The key file's secrets.
    /// - Throws: `.database` naming `--key-file` when the store was opened without one.
    func requireSecrets() throws(StoreError) -> ServerSecrets {
        guard let secrets else {
            throw StoreError(.database, "the server's secret keys on \(location) are sealed under a key file: pass --key-file FILE "
                + "(or set OUTPOST_SERVER_KEY_FILE), the same file on every instance; outpost-server init --db \(location) --key-file FILE "
                + "creates one")
        }
        return secrets
    }
}
