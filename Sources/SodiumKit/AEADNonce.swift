import CSodium

extension AEAD {
    /// 24-byte XChaCha20-Poly1305 nonces.
    public enum Nonce {
        /// The byte length of a nonce.
        public static var length: Int { crypto_aead_xchacha20poly1305_ietf_npubbytes() }

        /// The nonce for message number `counter` sent in `direction`: byte 0 is
        /// `direction`, bytes 1...8 are `counter` little-endian, bytes 9...12 `index`
        /// little-endian, bytes 13...20 `salt` (zero when empty), bytes 21...23 zero.
        ///
        /// A nonce must never repeat *under the same key*. Each key is used by exactly
        /// one sender (`KeyExchange.SessionKeys` gives each direction its own key) and
        /// the direction byte is defence in depth should a key ever be shared. A counter
        /// alone does not suffice: a device restored from a copy of its storage, or a
        /// server restored from a backup, would count again from an older value. So the
        /// sync protocol also mixes in `salt`, 8 random bytes the sender draws for every
        /// request and sends with it: a repeated counter then gives another nonce.
        ///
        /// `index` numbers several messages sent under one counter (the frames of one
        /// response).
        public static func fromCounter(_ counter: UInt64, direction: UInt8, index: UInt32 = 0, salt: [UInt8] = []) -> [UInt8] {
            precondition(salt.count <= saltLength, "a nonce salt has at most \(saltLength) bytes")
            var nonce = [UInt8](repeating: 0, count: 24)
            nonce[0] = direction
            withUnsafeBytes(of: counter.littleEndian) { bytes in
                for (offset, byte) in bytes.enumerated() { nonce[1 + offset] = byte }
            }
            withUnsafeBytes(of: index.littleEndian) { bytes in
                for (offset, byte) in bytes.enumerated() { nonce[9 + offset] = byte }
            }
            for (offset, byte) in salt.enumerated() { nonce[13 + offset] = byte }
            return nonce
        }

        /// The byte length of the salt ``fromCounter(_:direction:index:salt:)`` mixes in.
        public static let saltLength = 8

        /// A fresh random salt for ``fromCounter(_:direction:index:salt:)``.
        public static func salt() throws(SodiumError) -> [UInt8] {
            try SecureRandom.bytes(saltLength)
        }

        /// A random nonce (`randombytes_buf`). XChaCha20's 192-bit nonces make random
        /// nonces safe for any practical number of messages under one key, e.g. for
        /// records encrypted at rest.
        public static func random() throws(SodiumError) -> [UInt8] {
            try SecureRandom.bytes(length)
        }
    }
}
