import Foundation
import SodiumKit

/// Seals and opens the replica's sensitive columns with XChaCha20-Poly1305 under the
/// replica key. A sealed value is a random 24-byte nonce, the ciphertext and the
/// 16-byte tag; its additional data is its ``SealBinding``.
struct ReplicaCipher: Sendable {
    /// The replica key (random, 32 bytes), unwrapped from the key slot.
    let key: AEAD.Key
    /// Where the seals' random nonces come from.
    private let nonces = NoncePool()

    /// The bytes a seal adds to its plaintext.
    static var overhead: Int { AEAD.Nonce.length + AEAD.tagLength }

    /// Seals `plaintext` for the place `binding` names.
    func seal(_ plaintext: [UInt8], _ binding: SealBinding) throws(ReplicaError) -> Data {
        do {
            let nonce = try nonces.next()
            var sealed = Data(capacity: nonce.count + plaintext.count + AEAD.tagLength)
            sealed.append(contentsOf: nonce)
            sealed.append(contentsOf: try AEAD.seal(plaintext, key: key, nonce: nonce, additionalData: binding.additionalData))
            return sealed
        } catch {
            throw ReplicaError(.corrupt, "cannot encrypt \(binding): \(error)")
        }
    }

    /// Seals text as UTF-8.
    func seal(_ text: String, _ binding: SealBinding) throws(ReplicaError) -> Data {
        try seal(Array(text.utf8), binding)
    }

    /// Opens what ``seal(_:_:)`` made for the same `binding`.
    /// - Throws: `.corrupt` when the value, or any clear column it is bound to, was altered.
    func open(_ sealed: Data, _ binding: SealBinding) throws(ReplicaError) -> [UInt8] {
        let bytes = [UInt8](sealed)
        let nonceLength = AEAD.Nonce.length
        do {
            guard bytes.count >= Self.overhead else { throw SodiumError(.authenticationFailed, "too short") }
            return try AEAD.open(Array(bytes[nonceLength...]), key: key, nonce: Array(bytes[..<nonceLength]),
                                 additionalData: binding.additionalData)
        } catch {
            throw ReplicaError(.corrupt, "\(binding) in the replica failed its integrity check: the replica file was altered "
                + "or damaged. Nothing was used; move the replica folder aside and enrol the device again")
        }
    }

    /// A blind index of `text` for equality lookups on a clear column (DESIGN.md §5): keyed
    /// BLAKE2b-128 under a subkey of the replica key for `purpose`. Equal texts give equal
    /// indexes; without the replica key nothing tells which text an index stands for.
    func blindIndex(_ text: String, purpose: String) throws(ReplicaError) -> Data {
        do {
            let subkey = try GenericHash.hash(Array("outpost-blind-index-v1:\(purpose)".utf8), outputLength: 32, key: key.bytes)
            return Data(try GenericHash.hash(Array(text.utf8), outputLength: 16, key: subkey))
        } catch {
            throw ReplicaError(.corrupt, "cannot compute a blind index: \(error)")
        }
    }

    /// Opens sealed UTF-8 text.
    func openText(_ sealed: Data, _ binding: SealBinding) throws(ReplicaError) -> String {
        String(decoding: try open(sealed, binding), as: UTF8.self)
    }
}
