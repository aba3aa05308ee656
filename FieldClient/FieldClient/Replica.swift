public import Foundation
import GRDB
import SodiumKit

/// A device's replica: one SQLite file in the replica folder holding the last hub
/// state of every record in scope, the device's pending writes and refused writes,
/// and its identity and sync cursor. Every change is one transaction, so a crash at
/// any point leaves the replica as it was before or after, never in between.
///
/// The file is encrypted at rest: sensitive columns are sealed under the replica key
/// (``ReplicaCipher``), which the key slot keeps wrapped by the user's passphrase or
/// key file (``ReplicaSecret``); `Replica+Unlock.swift` has the unlock-once path
/// (``UnlockCache``) and the passphrase change.
public final class Replica: Sendable {
    /// The replica folder.
    public let folder: URL
    let database: DatabaseQueue
    /// Seals and opens the sensitive columns.
    let cipher: ReplicaCipher
    /// The key file that opened the replica, if one did (a revocation wipe deletes it).
    let keyFile: URL?

    /// The replica file's name inside the folder.
    static let fileName = "replica.sqlite"

    private init(folder: URL, database: DatabaseQueue, cipher: ReplicaCipher, keyFile: URL?) {
        self.folder = folder
        self.database = database
        self.cipher = cipher
        self.keyFile = keyFile
    }

    /// The pending-writes table, sealed under this replica's key.
    var pendingStore: PendingStore { PendingStore(cipher: cipher) }

    /// Opens the enrolled replica in `folder`: with the wrapping key an unexpired
    /// `outpost unlock` keeps in the kernel keyring if there is one, else with the secret
    /// `secret` returns (asked only then, so a prompt appears only when needed).
    /// Opening changes nothing.
    /// - Throws: `.notEnrolled` if there is no replica; `.locked` (from `secret`) when no
    ///   secret is at hand; `.wrongKey` for a wrong passphrase or key file; `.corrupt`
    ///   when the file was altered.
    public static func open(_ folder: URL, secret: () throws(ReplicaError) -> ReplicaSecret) throws(ReplicaError) -> Replica {
        let replica = try unlocked(folder, secret: secret)
        _ = try replica.identity()
        return replica
    }

    /// The replica in `folder` with its key unwrapped, its identity not yet verified.
    static func unlocked(_ folder: URL, secret: () throws(ReplicaError) -> ReplicaSecret) throws(ReplicaError) -> Replica {
        let (database, slot) = try connect(folder)
        let cache = UnlockCache(folder: folder)
        let cipher: ReplicaCipher
        var keyFile: URL?
        if let key = cache.read(), let unlocked = try? slot.unwrap(with: key) {
            cipher = unlocked
        } else {
            cache.remove()
            let given = try secret()
            cipher = try slot.unwrap(with: try slot.wrappingKey(for: given))
            if case .keyFile(let url) = given { keyFile = url }
        }
        return Replica(folder: folder, database: database, cipher: cipher, keyFile: keyFile)
    }

    /// Opens the replica in `folder` with `secret` (no unlock file consulted).
    public static func open(_ folder: URL, secret: ReplicaSecret) throws(ReplicaError) -> Replica {
        try open(folder, secret: { () throws(ReplicaError) in secret })
    }

    /// Creates the replica of a newly enrolled device (file mode 0600 in a 0700
    /// folder), its key slot and its identity, in one transaction.
    static func create(_ folder: URL, identity: DeviceIdentity, keys: NewReplicaKeys) throws(ReplicaError) -> Replica {
        let file = folder.appendingPathComponent(fileName)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ReplicaError(.alreadyEnrolled, "\(folder.path) already holds a replica; use another --replica folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReplicaError(.invalid, "cannot create \(folder.path): \(error.localizedDescription)")
        }
        try PrivateFile.create(file, contents: [])
        let database = try migratedQueue(folder)
        let replica = Replica(folder: folder, database: database, cipher: keys.cipher, keyFile: keys.keyFile)
        try replica.write { db in
            try keys.slot.insert(db)
            try identity.insert(db, cipher: keys.cipher)
        }
        return replica
    }

    /// The replica file and its key slot.
    static func connect(_ folder: URL) throws(ReplicaError) -> (DatabaseQueue, KeySlot) {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path) else {
            throw ReplicaError(.notEnrolled, "no replica in \(folder.path); enrol this device first: outpost enrol --server URL --code CODE")
        }
        let database = try migratedQueue(folder)
        let slot: KeySlot?
        do { slot = try database.read { db in try KeySlot.fetch(db) } } catch {
            throw ReplicaError.database(error, doing: "reading the replica's key slot in \(folder.path)")
        }
        guard let slot else {
            throw ReplicaError(.notEnrolled, "the replica in \(folder.path) was never enrolled; remove it and run outpost enrol")
        }
        return (database, slot)
    }

    private static func migratedQueue(_ folder: URL) throws(ReplicaError) -> DatabaseQueue {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(fileName).path, configuration: configuration)
            if try queue.read(ReplicaSchema.isUnencrypted) {
                throw ReplicaError(.notEnrolled, "the replica in \(folder.path) was made by an outpost without encryption at rest; "
                    + "move it aside and enrol the device again")
            }
            try ReplicaSchema.migrator.migrate(queue)
            return queue
        } catch {
            throw ReplicaError.database(error, doing: "opening the replica in \(folder.path)")
        }
    }

    // MARK: Transactions

    func write<T>(_ body: (Database) throws -> T) throws(ReplicaError) -> T {
        do { return try database.write(body) } catch {
            throw ReplicaError.database(error, doing: "updating the replica")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ReplicaError) -> T {
        do { return try database.read(body) } catch {
            throw ReplicaError.database(error, doing: "reading the replica")
        }
    }

    /// This device's identity and cursor.
    public func identity() throws(ReplicaError) -> DeviceIdentity {
        try read { db in try DeviceIdentity.require(db, cipher: cipher) }
    }

    /// Deletes the replica and its keys (a revoked device is told to do this): the
    /// replica file (key slot and device keys inside), its journals, the unlocked key,
    /// and the key file that opened it.
    public func wipe() throws(ReplicaError) {
        try? database.close()
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.fileName + suffix))
        }
        Self.lock(folder)
        if let keyFile { try? FileManager.default.removeItem(at: keyFile) }
    }
}
