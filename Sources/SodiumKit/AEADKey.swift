import CSodium

extension AEAD {
    /// A 32-byte XChaCha20-Poly1305 key. Its description never shows the bytes.
    public struct Key: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
        /// The key's bytes; keep them out of logs.
        public let bytes: [UInt8]

        /// The byte length of a key.
        public static var length: Int { crypto_aead_xchacha20poly1305_ietf_keybytes() }

        /// Wraps stored or derived bytes (e.g. from `PasswordKey.derive`).
        /// - Throws: `SodiumError.badLength` unless `bytes` is 32 bytes long.
        public init(_ bytes: [UInt8]) throws(SodiumError) {
            try SodiumError.requireLength(bytes, Self.length, "AEAD key")
            self.bytes = bytes
        }

        /// A fresh random key (`crypto_aead_xchacha20poly1305_ietf_keygen`).
        public static func generate() throws(SodiumError) -> Key {
            try Sodium.ensureReady()
            var bytes = [UInt8](repeating: 0, count: length)
            bytes.withUnsafeMutableBufferPointer { crypto_aead_xchacha20poly1305_ietf_keygen($0.baseAddress!) }
            return try Key(bytes)
        }

        /// Compares in constant time.
        public static func == (a: Self, b: Self) -> Bool { ConstantTime.equal(a.bytes, b.bytes) }
        public var description: String { "AEAD.Key(redacted)" }
        public var debugDescription: String { description }
    }
}
