import CSodium

extension AEAD {
    /// 24-byte XChaCha20-Poly1305 nonces.
    public enum Nonce {
        /// The byte length of a nonce.
        public static var length: Int { crypto_aead_xchacha20poly1305_ietf_npubbytes() }

        /// The nonce for message number `counter` sent in `direction`: byte 0 is
        /// `direction`, bytes 1...8 are `counter` little-endian, bytes 9...23 are zero.
        ///
        /// This is safe because a nonce must never repeat *under the same key*, and
        /// each key is used by exactly one sender: `KeyExchange.SessionKeys` gives each
        /// direction its own key, and the sender numbers its messages with a strictly
        /// increasing counter it persists before sending (and the receiver refuses any
        /// counter it has already seen, which also refuses replays). The direction byte
        /// is defence in depth should a key ever be shared by both directions. Never
        /// reuse a counter value with the same key and direction, e.g. after restoring
        /// a device from a backup, without first moving to a new key.
        ///
        /// `index` numbers several messages sent under one counter (the frames of one
        /// response); it occupies bytes 9–12, little-endian.
        public static func fromCounter(_ counter: UInt64, direction: UInt8, index: UInt32 = 0) -> [UInt8] {
            var nonce = [UInt8](repeating: 0, count: 24)
            nonce[0] = direction
            withUnsafeBytes(of: counter.littleEndian) { bytes in
                for (offset, byte) in bytes.enumerated() { nonce[1 + offset] = byte }
            }
            withUnsafeBytes(of: index.littleEndian) { bytes in
                for (offset, byte) in bytes.enumerated() { nonce[9 + offset] = byte }
            }
            return nonce
        }

        /// A random nonce (`randombytes_buf`). XChaCha20's 192-bit nonces make random
        /// nonces safe for any practical number of messages under one key, e.g. for
        /// records encrypted at rest.
        public static func random() throws(SodiumError) -> [UInt8] {
            try SecureRandom.bytes(length)
        }
    }
}
