import Foundation
import GRDB
import SodiumKit

/// The `keyslot` row: the replica key wrapped (XChaCha20-Poly1305) by a key derived
/// from the user's secret, with what the derivation needs. It is the only part of the
/// replica readable before unlocking, and holds nothing secret.
///
/// - A passphrase gives the wrapping key through Argon2id (`crypto_pwhash`) at the
///   stored limits (new slots: libsodium's moderate limits, 3 passes and 256 MiB) and the
///   stored random salt; `outpost unlock` keeps the result so this runs once a session.
/// - A key file gives it through keyed BLAKE2b-256 of the file's bytes (keyed by the
///   salt): a key file is already random, so it needs no stretching.
struct KeySlot: Sendable {
    /// How the wrapping key is derived.
    enum Method: String, Sendable {
        case passphrase
        case keyFile = "key-file"
    }

    /// The Argon2id limits a new passphrase slot uses.
    struct Cost: Sendable {
        var opslimit: UInt64
        var memlimit: Int
        /// libsodium's moderate limits, meant for keys that guard data at rest.
        static var moderate: Cost { Cost(opslimit: PasswordKey.moderateOpsLimit, memlimit: PasswordKey.moderateMemLimit) }
    }

    let method: Method
    let salt: [UInt8]
    let opslimit: Int64
    let memlimit: Int64
    /// Nonce, wrapped replica key and tag.
    let wrapped: Data

    private var binding: SealBinding {
        .replicaKey(method: method.rawValue, salt: salt, opslimit: opslimit, memlimit: memlimit)
    }

    /// A new slot holding `replicaKey`, wrapped by the key `secret` derives.
    static func make(wrapping replicaKey: AEAD.Key, with secret: ReplicaSecret, cost: Cost = .moderate) throws(ReplicaError) -> KeySlot {
        let salt: [UInt8]
        do { salt = try PasswordKey.salt() } catch { throw ReplicaError(.corrupt, "cannot draw a salt: \(error)") }
        let unwrapped = KeySlot(method: secret.method, salt: salt, opslimit: Int64(cost.opslimit), memlimit: Int64(cost.memlimit), wrapped: Data())
        let wrappingKey = try unwrapped.wrappingKey(for: secret)
        return KeySlot(method: unwrapped.method, salt: salt, opslimit: unwrapped.opslimit, memlimit: unwrapped.memlimit,
                       wrapped: try ReplicaCipher(key: wrappingKey).seal(replicaKey.bytes, unwrapped.binding))
    }

    /// The wrapping key `secret` derives for this slot (Argon2id for a passphrase:
    /// the slow step, done once per `outpost unlock`).
    /// - Throws: `.wrongKey` when the secret is of the other method; `.invalid` for an
    ///   unusable key file.
    func wrappingKey(for secret: ReplicaSecret) throws(ReplicaError) -> AEAD.Key {
        guard secret.method == method else {
            throw ReplicaError(.wrongKey, method == .passphrase
                ? "this replica opens with its passphrase (prompt, --passphrase-file or OUTPOST_PASSPHRASE), not a key file"
                : "this replica opens with its key file (--key-file or OUTPOST_KEY_FILE), not a passphrase")
        }
        let material = try secret.material()
        do {
            switch method {
            case .passphrase:
                return try AEAD.Key(PasswordKey.derive(passphrase: material, salt: salt, opslimit: UInt64(opslimit), memlimit: Int(memlimit)))
            case .keyFile:
                return try AEAD.Key(GenericHash.hash(material, outputLength: AEAD.Key.length, key: salt))
            }
        } catch {
            throw ReplicaError(.corrupt, "cannot derive the replica's wrapping key: \(error)")
        }
    }

    /// The replica key, unwrapped with `wrappingKey`.
    /// - Throws: `.wrongKey` when it does not open the slot (wrong passphrase or key
    ///   file, or an altered slot).
    func unwrap(with wrappingKey: AEAD.Key) throws(ReplicaError) -> ReplicaCipher {
        do {
            let bytes = try ReplicaCipher(key: wrappingKey).open(wrapped, binding)
            return ReplicaCipher(key: try AEAD.Key(bytes))
        } catch {
            throw ReplicaError(.wrongKey, method == .passphrase
                ? "wrong passphrase: it does not open this replica; nothing was changed"
                : "wrong key file: it does not open this replica; nothing was changed")
        }
    }
}

extension KeySlot {
    static func fetch(_ db: Database) throws -> KeySlot? {
        guard try db.tableExists("keyslot"),
              let row = try Row.fetchOne(db, sql: "SELECT method, salt, opslimit, memlimit, wrapped FROM keyslot WHERE id = 1") else { return nil }
        guard let method = Method(rawValue: row[0]) else {
            throw ReplicaError(.corrupt, "the replica's key slot names an unknown method \"\(row[0] as String)\"")
        }
        return KeySlot(method: method, salt: [UInt8](row[1] as Data), opslimit: row[2], memlimit: row[3], wrapped: row[4])
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO keyslot (id, method, salt, opslimit, memlimit, wrapped) VALUES (1, ?, ?, ?, ?, ?)",
                       arguments: [method.rawValue, Data(salt), opslimit, memlimit, wrapped])
    }
}
