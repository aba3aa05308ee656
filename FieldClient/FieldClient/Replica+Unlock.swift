public import Foundation
import GRDB

extension Replica {
    /// How long `outpost unlock` keeps a replica unlocked unless told otherwise: a
    /// working day.
    public static let defaultUnlockDuration: Duration = .seconds(8 * 3600)

    /// Checks `secret` against the replica in `folder` and keeps its wrapping key in the
    /// kernel keyring for `duration`, so commands until then open the replica without
    /// Argon2id (DESIGN.md §5). The kernel destroys the key at its expiry.
    /// - Returns: when the unlock expires.
    /// - Throws: `.wrongKey` (nothing kept), `.notEnrolled`, `.corrupt`, `.storage` when
    ///   the system has no kernel keyring.
    @discardableResult
    public static func unlock(_ folder: URL, secret: ReplicaSecret, for duration: Duration = defaultUnlockDuration) throws(ReplicaError) -> Date {
        let (_, slot) = try connect(folder)
        let wrappingKey = try slot.wrappingKey(for: secret)
        _ = try slot.unwrap(with: wrappingKey)
        let expiry = Date().addingTimeInterval(Double(max(1, duration.components.seconds)))
        try UnlockCache(folder: folder).store(wrappingKey, for: duration)
        removeLegacyUnlockFile(folder)
        return expiry
    }

    /// Destroys the unlocked key of the replica in `folder`, so the next command needs
    /// the passphrase or key file again.
    /// - Returns: whether the replica was unlocked.
    @discardableResult
    public static func lock(_ folder: URL) -> Bool {
        let cached = UnlockCache(folder: folder).remove()
        return removeLegacyUnlockFile(folder) || cached
    }

    /// Wraps the replica key in `folder` under `new` instead of `current` (a new random
    /// salt, Argon2id at the moderate limits), in one transaction, and locks the replica:
    /// the old passphrase opens nothing from then on.
    /// - Throws: `.wrongKey` when `current` does not open the replica, `.invalid` for a
    ///   new passphrase that is too short; nothing is changed then.
    public static func changeSecret(_ folder: URL, current: ReplicaSecret, new: ReplicaSecret) throws(ReplicaError) {
        let (database, slot) = try connect(folder)
        let cipher = try slot.unwrap(with: try slot.wrappingKey(for: current))
        try new.prepareForEnrolment()
        let replacement = try KeySlot.make(wrapping: cipher.key, with: new)
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM keyslot")
                try replacement.insert(db)
            }
        } catch {
            throw ReplicaError.database(error, doing: "replacing the replica's key slot")
        }
        lock(folder)
    }

    /// Deletes the unlock file older outposts wrote into the replica folder (it held the
    /// wrapping key on disk); returns whether there was one.
    @discardableResult
    private static func removeLegacyUnlockFile(_ folder: URL) -> Bool {
        (try? FileManager.default.removeItem(at: folder.appendingPathComponent("unlock.key"))) != nil
    }
}
