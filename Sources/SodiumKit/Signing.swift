import CSodium

/// Ed25519 detached signatures through libsodium's `crypto_sign`.
///
/// Sign with a `SigningKeyPair`; anyone holding its `Signing.PublicKey` verifies
/// with `Signing.verify(signature:message:publicKey:)`.
public enum Signing {
    /// The byte length of a detached signature.
    public static var signatureLength: Int { crypto_sign_bytes() }

    /// An Ed25519 public key (32 bytes); safe to publish and store in clear.
    public struct PublicKey: Sendable, Hashable {
        /// The key's bytes.
        public let bytes: [UInt8]

        /// The byte length of a public key.
        public static var length: Int { crypto_sign_publickeybytes() }

        /// Wraps stored bytes.
        /// - Throws: `SodiumError.badLength` unless `bytes` is 32 bytes long.
        public init(_ bytes: [UInt8]) throws(SodiumError) {
            try SodiumError.requireLength(bytes, Self.length, "Ed25519 public key")
            self.bytes = bytes
        }
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by the holder of
    /// `publicKey` (`crypto_sign_verify_detached`). A signature of the wrong length,
    /// or libsodium being unavailable, gives `false`.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: PublicKey) -> Bool {
        guard (try? Sodium.ensureReady()) != nil, signature.count == signatureLength else { return false }
        return signature.withUnsafeBufferPointer { sig in
            message.withUnsafeBufferPointer { m in
                publicKey.bytes.withUnsafeBufferPointer { pk in
                    crypto_sign_verify_detached(sig.baseAddress!, m.baseAddress, UInt64(m.count), pk.baseAddress!) == 0
                }
            }
        }
    }
}
