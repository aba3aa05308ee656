import Foundation
import SodiumKit

/// The keys of a replica about to be created: a fresh random replica key and the key
/// slot that wraps it under the chosen secret. Made before enrolment contacts the
/// server, so a bad secret fails before the one-time code is spent.
struct NewReplicaKeys: Sendable {
    let cipher: ReplicaCipher
    let slot: KeySlot
    let keyFile: URL?

    /// Checks `secret` (creating a missing key file) and wraps a new replica key with it.
    /// - Throws: `.invalid` for a short passphrase or an unusable key file.
    init(secret: ReplicaSecret, cost: KeySlot.Cost = .moderate) throws(ReplicaError) {
        try secret.prepareForEnrolment()
        let key: AEAD.Key
        do { key = try AEAD.Key.generate() } catch { throw ReplicaError(.corrupt, "cannot make the replica key: \(error)") }
        cipher = ReplicaCipher(key: key)
        slot = try KeySlot.make(wrapping: key, with: secret, cost: cost)
        if case .keyFile(let url) = secret { keyFile = url } else { keyFile = nil }
    }
}
