import CSodium

/// Comparison of secret bytes that does not leak, through its timing, where they differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes, compared with `sodium_memcmp`.
    /// Different lengths compare unequal (lengths are not secret here).
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in sodium_memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 }
        }
    }
}
