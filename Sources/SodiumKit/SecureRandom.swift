import CSodium

/// Unpredictable bytes and numbers from libsodium's CSPRNG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws(SodiumError) -> [UInt8] {
        try Sodium.ensureReady()
        var buffer = [UInt8](repeating: 0, count: count)
        buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
        return buffer
    }

    /// A uniformly distributed number in `0..<upperBound`, without modulo bias.
    public static func uniform(below upperBound: UInt32) throws(SodiumError) -> UInt32 {
        try Sodium.ensureReady()
        return randombytes_uniform(upperBound)
    }
}
