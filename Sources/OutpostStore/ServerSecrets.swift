public import Foundation
import Glibc
import SodiumKit

/// The key that seals the server's secrets inside its database: 32 random bytes in a
/// key file (mode 0600): beside a SQLite database (`hq.sqlite.key`), made by
/// `outpost-server init` or by the first open of a database that has no sealed secret
/// yet; for PostgreSQL, the file `--key-file` names, the same on every instance.
///
/// The database keeps the server's X25519 and Ed25519 secret keys and each enrolment
/// code's key only sealed under it (XChaCha20-Poly1305, a random nonce, the secret's
/// name as additional data), so a copy of the database alone reveals neither the
/// server's identity nor a key that enrols a device. Back up both files together.
public struct ServerSecrets: Sendable {
    private let key: AEAD.Key
    /// The key file (`nil`: the throwaway key of an in-memory store).
    public let path: String?

    private init(key: AEAD.Key, path: String?) {
        self.key = key
        self.path = path
    }

    /// The key file of the database at `database`: the same path with `.key` appended.
    public static func keyFilePath(forDatabase database: String) -> String { database + ".key" }

    /// A fresh key held in memory only, for an in-memory store.
    public static func throwaway() throws(StoreError) -> ServerSecrets {
        do { return ServerSecrets(key: try AEAD.Key.generate(), path: nil) } catch {
            throw StoreError(.database, "could not make a key for the in-memory database: \(error)")
        }
    }

    /// Reads the key file beside `database`; creates it when it is missing and
    /// `mayCreate` (the database holds no sealed secret yet).
    ///
    /// - Throws: `.database` when the key file is missing but needed, readable by
    ///   others, or not an Outpost key file.
    public static func load(forDatabase database: String, mayCreate: Bool) throws(StoreError) -> ServerSecrets {
        try load(keyFile: keyFilePath(forDatabase: database), of: database, mayCreate: mayCreate)
    }

    /// Reads the key file at `path` that unlocks the secrets of `database`; creates it
    /// when it is missing and `mayCreate`.
    public static func load(keyFile path: String, of database: String, mayCreate: Bool) throws(StoreError) -> ServerSecrets {
        guard FileManager.default.fileExists(atPath: path) else {
            guard mayCreate else {
                throw StoreError(.database, "the key file \(path) is missing; it unlocks the server's secret keys in \(database). "
                    + "Put back the key file saved with this database (a backup needs both files)")
            }
            return try create(path)
        }
        try PrivateFile.require(path, holding: "the key to the server's secrets")
        guard let data = FileManager.default.contents(atPath: path), data.count == AEAD.Key.length,
              let key = try? AEAD.Key([UInt8](data)) else {
            throw StoreError(.database, "\(path) is not an Outpost key file (32 bytes); put back the key file saved with \(database)")
        }
        return ServerSecrets(key: key, path: path)
    }

    /// Writes a new random key to `path`, created with mode 0600 (never wider, whatever the umask).
    private static func create(_ path: String) throws(StoreError) -> ServerSecrets {
        let key: AEAD.Key
        do { key = try AEAD.Key.generate() } catch { throw StoreError(.database, "could not make the server's key: \(error)") }
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(.database, "cannot create the key file \(path): \(String(cString: strerror(errno))); check the folder's permissions")
        }
        defer { Glibc.close(descriptor) }
        let bytes = key.bytes
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw StoreError(.database, "cannot write the key file \(path): \(String(cString: strerror(errno)))")
        }
        return ServerSecrets(key: key, path: path)
    }

    /// `secret` sealed under the key: nonce · ciphertext · tag, bound to `name`.
    public func seal(_ secret: [UInt8], name: String) throws(StoreError) -> [UInt8] {
        do {
            let nonce = try AEAD.Nonce.random()
            return nonce + (try AEAD.seal(secret, key: key, nonce: nonce, additionalData: Array(name.utf8)))
        } catch {
            throw StoreError(.database, "could not seal the server's \(name): \(error)")
        }
    }

    /// The secret `name` that ``seal(_:name:)`` sealed.
    /// - Throws: `.database` when it does not open: the key file belongs to another database.
    public func open(_ sealed: [UInt8], name: String) throws(StoreError) -> [UInt8] {
        let nonceLength = AEAD.Nonce.length
        guard sealed.count > nonceLength,
              let secret = try? AEAD.open(Array(sealed[nonceLength...]), key: key, nonce: Array(sealed[..<nonceLength]),
                                          additionalData: Array(name.utf8)) else {
            throw StoreError(.database, "the server's \(name) does not open with the key file \(path ?? "in memory"): "
                + "it is not the key file of this database; put back the one saved with it")
        }
        return secret
    }

    /// The name the server's X25519 key pair is sealed under.
    public static let serverKeyName = "server key"
    /// The name the catalog-signing (Ed25519) key pair is sealed under.
    public static let catalogSigningKeyName = "catalog-signing key"

    /// The name an enrolment code's key is sealed under: bound to its code id, so a
    /// sealed key moved to another code's row does not open.
    public static func enrolmentKeyName(codeHash: String) -> String { "enrolment code \(codeHash)" }
}
