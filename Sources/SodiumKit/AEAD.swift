import CSodium

/// Authenticated encryption with additional data through libsodium's
/// `crypto_aead_xchacha20poly1305_ietf` (combined mode: ciphertext then 16-byte tag).
///
/// Used for sync messages (keys from `KeyExchange`, nonces from
/// `AEAD.Nonce.fromCounter`) and for records at rest (key from `PasswordKey`,
/// random nonces). Bind context that must not be swapped (record id, device id,
/// message counter) through `additionalData`.
public enum AEAD {
    /// The byte length of the authentication tag appended by `seal`.
    public static var tagLength: Int { crypto_aead_xchacha20poly1305_ietf_abytes() }

    /// Encrypts and authenticates `plaintext`, and authenticates `additionalData`.
    /// - Parameters:
    ///   - plaintext: the bytes to encrypt; may be empty.
    ///   - key: the sender's key.
    ///   - nonce: 24 bytes never used before with `key`.
    ///   - additionalData: bytes authenticated but not encrypted; `open` needs the same.
    /// - Returns: the ciphertext followed by the tag (`plaintext.count + tagLength` bytes).
    /// - Throws: `SodiumError.badLength` when `nonce` is not 24 bytes long.
    public static func seal(_ plaintext: [UInt8], key: Key, nonce: [UInt8], additionalData: [UInt8] = []) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        try SodiumError.requireLength(nonce, Nonce.length, "AEAD nonce")
        var sealed = [UInt8](repeating: 0, count: plaintext.count + tagLength)
        var sealedLength: UInt64 = 0
        _ = sealed.withUnsafeMutableBufferPointer { out in
            plaintext.withUnsafeBufferPointer { m in
                additionalData.withUnsafeBufferPointer { ad in
                    nonce.withUnsafeBufferPointer { n in
                        key.bytes.withUnsafeBufferPointer { k in
                            crypto_aead_xchacha20poly1305_ietf_encrypt(
                                out.baseAddress!, &sealedLength,
                                m.baseAddress, UInt64(m.count),
                                ad.baseAddress, UInt64(ad.count),
                                nil, n.baseAddress!, k.baseAddress!)
                        }
                    }
                }
            }
        }
        return sealed
    }

    /// Checks and decrypts what `seal` produced.
    /// - Parameters:
    ///   - sealed: the ciphertext followed by the tag.
    ///   - key: the sender's key (the receiver's `SessionKeys.receive`).
    ///   - nonce: the 24-byte nonce `seal` used.
    ///   - additionalData: the additional data `seal` authenticated.
    /// - Returns: the plaintext.
    /// - Throws: `SodiumError.authenticationFailed` when anything was altered,
    ///   truncated or does not match; `SodiumError.badLength` when `nonce` is not 24
    ///   bytes long.
    public static func open(_ sealed: [UInt8], key: Key, nonce: [UInt8], additionalData: [UInt8] = []) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        try SodiumError.requireLength(nonce, Nonce.length, "AEAD nonce")
        guard sealed.count >= tagLength else {
            throw SodiumError(.authenticationFailed, "sealed message is shorter than its tag (\(sealed.count) bytes)")
        }
        var plaintext = [UInt8](repeating: 0, count: sealed.count - tagLength)
        var plaintextLength: UInt64 = 0
        let status = plaintext.withUnsafeMutableBufferPointer { out in
            sealed.withUnsafeBufferPointer { c in
                additionalData.withUnsafeBufferPointer { ad in
                    nonce.withUnsafeBufferPointer { n in
                        key.bytes.withUnsafeBufferPointer { k in
                            crypto_aead_xchacha20poly1305_ietf_decrypt(
                                out.baseAddress, &plaintextLength, nil,
                                c.baseAddress!, UInt64(c.count),
                                ad.baseAddress, UInt64(ad.count),
                                n.baseAddress!, k.baseAddress!)
                        }
                    }
                }
            }
        }
        guard status == 0 else {
            throw SodiumError(.authenticationFailed, "sealed message did not authenticate")
        }
        return plaintext
    }
}
