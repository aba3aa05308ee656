import CSodium

/// BLAKE2b through libsodium's `crypto_generichash`.
public enum GenericHash {
    /// The hash of `message`, `outputLength` bytes long (16...64), optionally keyed.
    ///
    /// - Parameters:
    ///   - message: the bytes to hash.
    ///   - outputLength: the digest length; 32 by default.
    ///   - key: a secret key of 16...64 bytes for a keyed hash (a MAC or blind index).
    /// - Throws: `SodiumError.badLength` for a length outside libsodium's limits.
    public static func hash(_ message: [UInt8], outputLength: Int = 32, key: [UInt8]? = nil) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        guard (Int(crypto_generichash_BYTES_MIN)...Int(crypto_generichash_BYTES_MAX)).contains(outputLength) else {
            throw SodiumError(.badLength, "BLAKE2b output must be 16 to 64 bytes (asked for \(outputLength))")
        }
        if let key, !(Int(crypto_generichash_KEYBYTES_MIN)...Int(crypto_generichash_KEYBYTES_MAX)).contains(key.count) {
            throw SodiumError(.badLength, "BLAKE2b key must be 16 to 64 bytes (got \(key.count))")
        }
        var digest = [UInt8](repeating: 0, count: outputLength)
        let keyBytes = key ?? []
        _ = digest.withUnsafeMutableBufferPointer { out in
            message.withUnsafeBufferPointer { input in
                keyBytes.withUnsafeBufferPointer { k in
                    crypto_generichash(out.baseAddress!, out.count, input.baseAddress, UInt64(input.count),
                                       k.isEmpty ? nil : k.baseAddress, k.count)
                }
            }
        }
        return digest
    }

    /// The lower-case hex text of a digest.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
