/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator, so that what is
/// drawn from it replays exactly from a seed: the demo company, the chunker's gear
/// table, benchmark walks, and tests' property inputs, kill schedules and cut offsets.
/// Not for anything secret.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`, or 0 when `n` is below 1.
    public mutating func below(_ n: Int) -> Int {
        Int(next() % UInt64(max(1, n)))
    }

    /// `true` with a chance of `percent` in 100.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }
}
