import CSodium

/// HMAC-SHA-256 through libsodium's `crypto_auth_hmacsha256` (the multi-part API,
/// which takes a key of any length, as RFC 2104 and every webhook receiver's
/// `hmac` library do).
public enum HMACSHA256 {
    /// The length of a tag, 32 bytes.
    public static var tagLength: Int { Int(crypto_auth_hmacsha256_BYTES) }

    /// The HMAC-SHA-256 tag of `message` under `key`.
    ///
    /// ```swift
    /// let tag = try HMACSHA256.tag(Array("1700000000.{}".utf8), key: Array("secret".utf8))
    /// ```
    /// - Throws: `SodiumError.unavailable` if libsodium cannot start.
    public static func tag(_ message: [UInt8], key: [UInt8]) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        var state = crypto_auth_hmacsha256_state()
        var tag = [UInt8](repeating: 0, count: tagLength)
        // An empty array has no base address; libsodium reads no byte of a zero length.
        (key.isEmpty ? [0] : key).withUnsafeBufferPointer { k in
            _ = crypto_auth_hmacsha256_init(&state, k.baseAddress!, key.count)
        }
        (message.isEmpty ? [0] : message).withUnsafeBufferPointer { m in
            _ = crypto_auth_hmacsha256_update(&state, m.baseAddress!, UInt64(message.count))
        }
        tag.withUnsafeMutableBufferPointer { out in
            _ = crypto_auth_hmacsha256_final(&state, out.baseAddress!)
        }
        sodium_memzero(&state, MemoryLayout<crypto_auth_hmacsha256_state>.size)
        return tag
    }

    /// Whether `tag` is the tag of `message` under `key`, compared in constant time.
    public static func verify(_ tag: [UInt8], of message: [UInt8], key: [UInt8]) throws(SodiumError) -> Bool {
        ConstantTime.equal(try Self.tag(message, key: key), tag)
    }
}
