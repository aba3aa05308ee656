import CSodium

/// Keys derived from a passphrase with Argon2id through libsodium's `crypto_pwhash`.
///
/// Used to unlock a device replica at rest: store the random `salt()` next to the
/// replica (it is not secret), derive the key once per working session, and wrap it
/// with `AEAD.Key(_:)`. At the interactive limits one derivation costs about 66 ms
/// and 64 MiB, so do not derive on every command (DESIGN.md §5).
public enum PasswordKey {
    /// The byte length of a salt.
    public static var saltLength: Int { crypto_pwhash_saltbytes() }
    /// The default derived key length, that of an `AEAD.Key`.
    public static var defaultLength: Int { crypto_aead_xchacha20poly1305_ietf_keybytes() }

    /// Argon2id passes for interactive use (libsodium's `OPSLIMIT_INTERACTIVE`).
    public static var interactiveOpsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_interactive()) }
    /// Argon2id memory in bytes for interactive use (`MEMLIMIT_INTERACTIVE`, 64 MiB).
    public static var interactiveMemLimit: Int { crypto_pwhash_memlimit_interactive() }
    /// Argon2id passes for keys that guard data at rest (`OPSLIMIT_MODERATE`).
    public static var moderateOpsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_moderate()) }
    /// Argon2id memory in bytes for keys that guard data at rest (`MEMLIMIT_MODERATE`, 256 MiB).
    public static var moderateMemLimit: Int { crypto_pwhash_memlimit_moderate() }
    /// The fewest passes libsodium accepts (`OPSLIMIT_MIN`); for tests only.
    public static var minimumOpsLimit: UInt64 { UInt64(crypto_pwhash_opslimit_min()) }
    /// The least memory libsodium accepts (`MEMLIMIT_MIN`, 8 KiB); for tests only.
    public static var minimumMemLimit: Int { crypto_pwhash_memlimit_min() }

    /// A fresh random salt (`saltLength` bytes); make one per replica, not per user.
    public static func salt() throws(SodiumError) -> [UInt8] {
        try SecureRandom.bytes(saltLength)
    }

    /// The key Argon2id13 derives from `passphrase` and `salt`; the same inputs and
    /// limits always give the same key.
    /// - Parameters:
    ///   - passphrase: the passphrase's bytes (UTF-8 for text), or a key file's bytes.
    ///   - salt: `saltLength` bytes, from `salt()`.
    ///   - length: the key length in bytes; 32 by default (an `AEAD.Key`).
    ///   - opslimit: Argon2id passes; interactive by default.
    ///   - memlimit: Argon2id memory in bytes; interactive by default.
    /// - Throws: `SodiumError.badLength` for a bad salt or key length,
    ///   `SodiumError.badParameter` for limits outside libsodium's range, and
    ///   `SodiumError.keyDerivationFailed` when Argon2id fails (usually out of memory).
    public static func derive(passphrase: [UInt8], salt: [UInt8], length: Int = defaultLength,
                              opslimit: UInt64 = interactiveOpsLimit,
                              memlimit: Int = interactiveMemLimit) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        try SodiumError.requireLength(salt, saltLength, "Argon2id salt")
        guard length >= crypto_pwhash_bytes_min(), UInt(length) <= UInt(crypto_pwhash_bytes_max()) else {
            throw SodiumError(.badLength, "Argon2id key length must be at least \(crypto_pwhash_bytes_min()) bytes (asked for \(length))")
        }
        guard opslimit >= UInt64(crypto_pwhash_opslimit_min()), opslimit <= UInt64(crypto_pwhash_opslimit_max()) else {
            throw SodiumError(.badParameter, "Argon2id opslimit \(opslimit) is outside libsodium's limits")
        }
        guard memlimit >= crypto_pwhash_memlimit_min(), UInt(memlimit) <= UInt(crypto_pwhash_memlimit_max()) else {
            throw SodiumError(.badParameter, "Argon2id memlimit \(memlimit) is outside libsodium's limits")
        }
        var key = [UInt8](repeating: 0, count: length)
        // libsodium wants a non-null passphrase pointer even for an empty passphrase.
        let passphraseStorage = passphrase.isEmpty ? [0] : passphrase
        let status = key.withUnsafeMutableBufferPointer { out in
            passphraseStorage.withUnsafeBytes { pw in
                salt.withUnsafeBufferPointer { s in
                    crypto_pwhash(out.baseAddress!, UInt64(out.count),
                                  pw.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(passphrase.count),
                                  s.baseAddress!, opslimit, memlimit, crypto_pwhash_alg_argon2id13())
                }
            }
        }
        guard status == 0 else {
            throw SodiumError(.keyDerivationFailed, "Argon2id could not derive a key (out of memory at memlimit \(memlimit)?)")
        }
        return key
    }

    /// The key derived from a text passphrase's UTF-8 bytes; see
    /// `derive(passphrase:salt:length:opslimit:memlimit:)`.
    public static func derive(passphrase: String, salt: [UInt8], length: Int = defaultLength,
                              opslimit: UInt64 = interactiveOpsLimit,
                              memlimit: Int = interactiveMemLimit) throws(SodiumError) -> [UInt8] {
        try derive(passphrase: Array(passphrase.utf8), salt: salt, length: length, opslimit: opslimit, memlimit: memlimit)
    }
}
