import CSodium

/// An Ed25519 key pair that signs with libsodium's `crypto_sign_detached`.
/// Its description never shows the secret key.
public struct SigningKeyPair: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key that verifies this pair's signatures.
    public let publicKey: Signing.PublicKey
    /// The 64-byte libsodium secret key (seed then public key); keep it out of logs.
    public let secretKeyBytes: [UInt8]

    /// The byte length of a libsodium Ed25519 secret key.
    public static var secretKeyLength: Int { crypto_sign_secretkeybytes() }
    /// The byte length of a seed for `init(seed:)`.
    public static var seedLength: Int { crypto_sign_seedbytes() }

    /// Pairs stored keys, as read back from a key store.
    /// - Throws: `SodiumError.badLength` unless the secret key is 64 bytes long.
    public init(publicKey: Signing.PublicKey, secretKeyBytes: [UInt8]) throws(SodiumError) {
        try Sodium.ensureReady()
        try SodiumError.requireLength(secretKeyBytes, Self.secretKeyLength, "Ed25519 secret key")
        self.publicKey = publicKey
        self.secretKeyBytes = secretKeyBytes
    }

    /// A fresh random key pair (`crypto_sign_keypair`).
    public static func generate() throws(SodiumError) -> SigningKeyPair {
        try Sodium.ensureReady()
        var pk = [UInt8](repeating: 0, count: Signing.PublicKey.length)
        var sk = [UInt8](repeating: 0, count: secretKeyLength)
        _ = pk.withUnsafeMutableBufferPointer { p in
            sk.withUnsafeMutableBufferPointer { s in crypto_sign_keypair(p.baseAddress!, s.baseAddress!) }
        }
        return try SigningKeyPair(publicKey: Signing.PublicKey(pk), secretKeyBytes: sk)
    }

    /// The key pair deterministically derived from a 32-byte secret seed
    /// (`crypto_sign_seed_keypair`; the seed is RFC 8032's private key).
    /// - Throws: `SodiumError.badLength` unless `seed` is 32 bytes long.
    public init(seed: [UInt8]) throws(SodiumError) {
        try Sodium.ensureReady()
        try SodiumError.requireLength(seed, Self.seedLength, "Ed25519 seed")
        var pk = [UInt8](repeating: 0, count: Signing.PublicKey.length)
        var sk = [UInt8](repeating: 0, count: Self.secretKeyLength)
        _ = pk.withUnsafeMutableBufferPointer { p in
            sk.withUnsafeMutableBufferPointer { s in
                seed.withUnsafeBufferPointer { sd in crypto_sign_seed_keypair(p.baseAddress!, s.baseAddress!, sd.baseAddress!) }
            }
        }
        try self.init(publicKey: Signing.PublicKey(pk), secretKeyBytes: sk)
    }

    /// The detached Ed25519 signature of `message` (`signatureLength` bytes).
    /// Ed25519 is deterministic: the same key and message give the same signature.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: Signing.signatureLength)
        _ = signature.withUnsafeMutableBufferPointer { sig in
            message.withUnsafeBufferPointer { m in
                secretKeyBytes.withUnsafeBufferPointer { sk in
                    crypto_sign_detached(sig.baseAddress!, nil, m.baseAddress, UInt64(m.count), sk.baseAddress!)
                }
            }
        }
        return signature
    }

    /// Compares in constant time.
    public static func == (a: Self, b: Self) -> Bool {
        a.publicKey == b.publicKey && ConstantTime.equal(a.secretKeyBytes, b.secretKeyBytes)
    }
    public var description: String { "SigningKeyPair(publicKey: \(GenericHash.hex(publicKey.bytes)), secret redacted)" }
    public var debugDescription: String { description }
}
