public import Foundation

extension Replica {
    /// How long `outpost unlock` keeps a replica unlocked unless told otherwise: a
    /// working day.
    public static let defaultUnlockDuration: Duration = .seconds(8 * 3600)

    /// Checks `secret` against the replica in `folder` and writes its unlock file, so
    /// commands until `expiry` open the replica without Argon2id (DESIGN.md §5).
    /// - Returns: when the unlock file expires.
    /// - Throws: `.wrongKey` (nothing written), `.notEnrolled`, `.corrupt`, `.invalid`
    ///   when the file cannot be written.
    @discardableResult
    public static func unlock(_ folder: URL, secret: ReplicaSecret, for duration: Duration = defaultUnlockDuration,
                              now: Date = Date()) throws(ReplicaError) -> Date {
        let (_, slot) = try connect(folder)
        let wrappingKey = try slot.wrappingKey(for: secret)
        _ = try slot.unwrap(with: wrappingKey)
        let expiry = now.addingTimeInterval(Double(duration.components.seconds))
        try UnlockFile(folder: folder).write(wrappingKey, expiry: expiry)
        return expiry
    }

    /// Deletes the unlock file of the replica in `folder` (wherever it lives), so the
    /// next command needs the passphrase or key file again.
    /// - Returns: whether the replica was unlocked.
    @discardableResult
    public static func lock(_ folder: URL) -> Bool {
        let runtime = UnlockFile(folder: folder).remove()
        let inFolder = UnlockFile(folder: folder, environment: [:]).remove()
        return runtime || inFolder
    }
}
