import CSodium

/// Password storage with Argon2id through libsodium's `crypto_pwhash_str`: the stored
/// text holds the algorithm, its limits and a random salt, so a stored hash keeps
/// verifying after the defaults change.
///
/// ```swift
/// let stored = try PasswordHash.hash("correct horse")      // "$argon2id$v=19$m=65536,t=2,p=1$…"
/// PasswordHash.verify("correct horse", against: stored)     // true
/// ```
public enum PasswordHash {
    /// The Argon2id hash of `password` in libsodium's self-describing text form.
    /// - Parameters:
    ///   - opslimit: Argon2id passes; interactive by default (about 66 ms on one core here).
    ///   - memlimit: Argon2id memory in bytes; interactive (64 MiB) by default.
    /// - Throws: `SodiumError.keyDerivationFailed` when Argon2id fails (usually out of memory).
    public static func hash(_ password: String, opslimit: UInt64 = PasswordKey.interactiveOpsLimit,
                            memlimit: Int = PasswordKey.interactiveMemLimit) throws(SodiumError) -> String {
        try Sodium.ensureReady()
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let bytes = Array(password.utf8)
        let storage = bytes.isEmpty ? [0] : bytes
        let status = storage.withUnsafeBytes { pw in
            crypto_pwhash_str(&out, pw.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), opslimit, memlimit)
        }
        guard status == 0 else {
            throw SodiumError(.keyDerivationFailed, "Argon2id could not hash the password (out of memory at memlimit \(memlimit)?)")
        }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches `stored`, a hash from ``hash(_:opslimit:memlimit:)``;
    /// `false` for a wrong password and for a stored text that is not such a hash.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard (try? Sodium.ensureReady()) != nil else { return false }
        let bytes = Array(password.utf8)
        let storage = bytes.isEmpty ? [0] : bytes
        return storage.withUnsafeBytes { pw in
            crypto_pwhash_str_verify(stored, pw.baseAddress!.assumingMemoryBound(to: CChar.self), UInt64(bytes.count)) == 0
        }
    }
}
