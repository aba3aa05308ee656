import CKeyring
public import Foundation
import SodiumKit

/// Where `outpost unlock` keeps a replica's wrapping key so that later commands skip
/// Argon2id: a "user" key in the Linux kernel keyring of the user (keyrings(7)),
/// readable by that user alone, named by a hash of the replica folder's path. It
/// never touches the disk, so it does not travel with a copy of the folder, and the
/// kernel destroys it at its expiry whatever the client does. `outpost lock`, a
/// passphrase change and a revocation wipe destroy it at once.
public struct UnlockCache: Sendable {
    /// The key's description in the keyring.
    public let description: String

    /// The cache of the replica in `folder`.
    public init(folder: URL) {
        let path = Array(folder.standardizedFileURL.path.utf8)
        description = "outpost:replica:" + GenericHash.hex((try? GenericHash.hash(path, outputLength: 16)) ?? path)
    }

    /// Keeps `wrappingKey` for `duration` (whole seconds, at least one).
    /// - Throws: `.storage` when this system offers no kernel keyring.
    func store(_ wrappingKey: AEAD.Key, for duration: Duration) throws(ReplicaError) {
        let seconds = UInt32(clamping: max(1, duration.components.seconds))
        let bytes = wrappingKey.bytes
        let serial = bytes.withUnsafeBytes { outpost_keyring_add(description, $0.baseAddress, $0.count, seconds) }
        guard serial > 0 else {
            throw ReplicaError(.storage, "cannot keep the unlocked key: this system offers no kernel keyring (\(Self.reason(serial))); "
                + "give the passphrase to each command (OUTPOST_PASSPHRASE or --passphrase-file) or use a key file")
        }
    }

    /// The wrapping key while it is kept; `nil` once it expired or was removed.
    func read() -> AEAD.Key? {
        let serial = outpost_keyring_search(description)
        guard serial > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: AEAD.Key.length)
        let length = buffer.withUnsafeMutableBytes { outpost_keyring_read(serial, $0.baseAddress, $0.count) }
        guard length == AEAD.Key.length else { return nil }
        return try? AEAD.Key(buffer)
    }

    /// Destroys the kept key; returns whether there was one.
    @discardableResult
    public func remove() -> Bool {
        let serial = outpost_keyring_search(description)
        return serial > 0 && outpost_keyring_invalidate(serial) == 0
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(-code))
    }
}
