import SodiumKit
import Synchronization

/// The session keys of the devices that synced lately, so a steady device's sync costs
/// no X25519 key exchange (one per sync otherwise, the largest fixed cost of a no-op
/// sync). An entry is used only for the exact public key it was derived from, so a
/// device number enrolled again under a new key never meets an old entry; revocation
/// is checked per request as before (the device row is read on every sync).
final class SessionKeyCache: Sendable {
    private struct Entry {
        let publicKey: [UInt8]
        let keys: KeyExchange.SessionKeys
    }

    private let serverKeys: KeyExchange.KeyPair
    private let capacity: Int
    private let entries = Mutex<[UInt32: Entry]>([:])

    /// A cache of at most `capacity` devices' keys for the server's key pair `serverKeys`.
    init(serverKeys: KeyExchange.KeyPair, capacity: Int = 100_000) {
        self.serverKeys = serverKeys
        self.capacity = capacity
    }

    /// The session keys between the server and device `number` holding `publicKey`.
    func keys(device number: UInt32, publicKey: [UInt8]) throws(SodiumError) -> KeyExchange.SessionKeys {
        if let entry = entries.withLock({ $0[number] }), entry.publicKey == publicKey { return entry.keys }
        let keys = try KeyExchange.sessionKeys(server: serverKeys, clientPublicKey: try .init(publicKey))
        entries.withLock { entries in
            // Past the cap the cache starts afresh: simpler than an LRU, and a fleet that large re-derives each key once.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[number] = Entry(publicKey: publicKey, keys: keys)
        }
        return keys
    }
}
