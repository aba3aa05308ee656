import CSodium

/// X25519 key exchange through libsodium's `crypto_kx`.
///
/// Each device and the server hold one long-term `KeyPair`. Knowing only the other
/// side's public key, each derives the same pair of per-direction session keys with
/// `sessionKeys(client:serverPublicKey:)` / `sessionKeys(server:clientPublicKey:)`,
/// with no handshake: the device is the client, the server is the server.
public enum KeyExchange {
    /// A `crypto_kx` public key (32 bytes); safe to publish and store in clear.
    public struct PublicKey: Sendable, Hashable {
        /// The key's bytes.
        public let bytes: [UInt8]

        /// The byte length of a public key.
        public static var length: Int { crypto_kx_publickeybytes() }

        /// Wraps stored bytes.
        /// - Throws: `SodiumError.badLength` unless `bytes` is 32 bytes long.
        public init(_ bytes: [UInt8]) throws(SodiumError) {
            try SodiumError.requireLength(bytes, Self.length, "key exchange public key")
            self.bytes = bytes
        }
    }

    /// A `crypto_kx` secret key (32 bytes). Its description never shows the bytes.
    public struct SecretKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The key's bytes; keep them out of logs.
        public let bytes: [UInt8]

        /// The byte length of a secret key.
        public static var length: Int { crypto_kx_secretkeybytes() }

        /// Wraps stored bytes.
        /// - Throws: `SodiumError.badLength` unless `bytes` is 32 bytes long.
        public init(_ bytes: [UInt8]) throws(SodiumError) {
            try SodiumError.requireLength(bytes, Self.length, "key exchange secret key")
            self.bytes = bytes
        }

        /// Compares in constant time.
        public static func == (a: Self, b: Self) -> Bool { ConstantTime.equal(a.bytes, b.bytes) }
        public var description: String { "KeyExchange.SecretKey(redacted)" }
        public var debugDescription: String { description }
    }

    /// A long-term `crypto_kx` key pair.
    public struct KeyPair: Sendable, Equatable {
        public let publicKey: PublicKey
        public let secretKey: SecretKey

        /// The byte length of a seed for `init(seed:)`.
        public static var seedLength: Int { crypto_kx_seedbytes() }

        /// Pairs stored keys, as read back from a key store. The pair is not checked
        /// to match.
        public init(publicKey: PublicKey, secretKey: SecretKey) {
            self.publicKey = publicKey
            self.secretKey = secretKey
        }

        /// A fresh random key pair (`crypto_kx_keypair`).
        public static func generate() throws(SodiumError) -> KeyPair {
            try Sodium.ensureReady()
            var pk = [UInt8](repeating: 0, count: PublicKey.length)
            var sk = [UInt8](repeating: 0, count: SecretKey.length)
            _ = pk.withUnsafeMutableBufferPointer { p in
                sk.withUnsafeMutableBufferPointer { s in crypto_kx_keypair(p.baseAddress!, s.baseAddress!) }
            }
            return KeyPair(publicKey: try PublicKey(pk), secretKey: try SecretKey(sk))
        }

        /// The key pair deterministically derived from a 32-byte secret seed
        /// (`crypto_kx_seed_keypair`): the same seed always gives the same pair.
        /// - Throws: `SodiumError.badLength` unless `seed` is 32 bytes long.
        public init(seed: [UInt8]) throws(SodiumError) {
            try Sodium.ensureReady()
            try SodiumError.requireLength(seed, Self.seedLength, "key exchange seed")
            var pk = [UInt8](repeating: 0, count: PublicKey.length)
            var sk = [UInt8](repeating: 0, count: SecretKey.length)
            _ = pk.withUnsafeMutableBufferPointer { p in
                sk.withUnsafeMutableBufferPointer { s in
                    seed.withUnsafeBufferPointer { sd in
                        crypto_kx_seed_keypair(p.baseAddress!, s.baseAddress!, sd.baseAddress!)
                    }
                }
            }
            self.init(publicKey: try PublicKey(pk), secretKey: try SecretKey(sk))
        }
    }
}
