// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// A failure reported by libsodium.
public typealias SodiumError = CodedError<SodiumErrorCode>

/// What failed; stable for scripts and tests.
public enum SodiumErrorCode: String, Sendable, Hashable {
    /// `sodium_init` failed: the process cannot use cryptography at all.
    case unavailable
    /// A key, nonce, salt or output length is outside what the primitive accepts.
    case badLength
    /// A cost parameter (Argon2id ops or memory limit) is outside libsodium's limits.
    case badParameter
    /// A sealed message did not authenticate: wrong key, nonce or additional data,
    /// or the ciphertext or tag was altered or truncated.
    case authenticationFailed
    /// The key exchange was refused, typically because the peer's public key is
    /// not a usable X25519 point (for example all zeros).
    case keyExchangeFailed
    /// Argon2id could not derive a key, typically because it could not get the
    /// memory it was asked to use.
    case keyDerivationFailed
}

extension SodiumError {
    /// Throws `.badLength` unless `bytes` is exactly `expected` bytes long.
    static func requireLength(_ bytes: [UInt8], _ expected: Int, _ what: String) throws(SodiumError) {
        guard bytes.count == expected else {
            throw SodiumError(.badLength, "\(what) must be \(expected) bytes (got \(bytes.count))")
        }
    }
}
