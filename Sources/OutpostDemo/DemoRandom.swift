import Foundation
import OutpostModel
import SeededRandom

/// A small seeded pseudo-random generator (SplitMix64) and the draws the demo company needs.
///
/// It deliberately does not conform to `RandomNumberGenerator`: every draw goes through
/// the methods below, whose arithmetic is exact (integer multiply-shift and products of
/// doubles built from 53-bit integers), so one seed gives the same company everywhere.
struct DemoRandom {
    private var source: SplitMix

    /// The millisecond (since 1970, UTC) the next id is minted at.
    private var mintingAt: UInt64

    /// A generator drawing from `seed` whose ids are minted one millisecond apart from
    /// `mintingFrom` (milliseconds since 1970, UTC), as Outpost mints them: time-ordered.
    init(seed: UInt64, mintingFrom: UInt64) {
        source = SplitMix(seed: seed)
        mintingAt = mintingFrom
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { source.next() }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// A uniform double in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A uniform element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...items.count - 1)] }

    /// An element drawn with the given relative weights.
    mutating func weighted<T>(_ choices: KeyValuePairs<T, Int>) -> T {
        var ticket = int(in: 1...choices.reduce(0) { $0 + $1.value })
        for (item, weight) in choices {
            ticket -= weight
            if ticket <= 0 { return item }
        }
        return choices[choices.count - 1].key
    }

    /// A log-normal-like factor around 1: the product of `count` uniform factors in `0.4..<2.6`,
    /// scaled so that the median is near 1. Spread grows with `count` (σ of the log ≈ 0.5·√count).
    mutating func logNormalFactor(count: Int) -> Double {
        var product = 1.0
        for _ in 0..<count { product *= (0.4 + 2.2 * unit()) * 0.744 }
        return product
    }

    /// A time-ordered (version 7) UUID of the generator's bits, minted a millisecond
    /// after the previous one, at some instant within it: records drawn later sort later,
    /// as when reps make them.
    mutating func uuid() -> UUID {
        defer { mintingAt += 1 }
        return .timeOrdered(unixMilliseconds: mintingAt, fraction: next(), randomBits: next())
    }
}
