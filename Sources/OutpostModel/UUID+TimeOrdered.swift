public import Foundation

extension UUID {
    /// A new time-ordered id: a version 7 UUID (RFC 9562 §5.7) of `date` (by default now), to
    /// a 4096th of a millisecond (§6.2, method 3), with 62 random bits.
    ///
    /// Ids minted one after another sort, as bytes and as text, in the order they were
    /// minted. Every index keyed by id (the hub's and each replica's) then fills at its
    /// end instead of at random pages, and the ids of a delivery page share their first
    /// bytes, which the sync protocol's column batches send once (SPEC.md §4.2). The id
    /// shows when it was minted; the rest is random.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var random = SystemRandomNumberGenerator()
        let milliseconds = max(0, date.timeIntervalSince1970 * 1000)
        let fraction = UInt64((milliseconds - milliseconds.rounded(.down)) * 4096)
        return timeOrdered(unixMilliseconds: UInt64(milliseconds), fraction: fraction, randomBits: random.next())
    }

    /// The version 7 UUID of `unixMilliseconds` (its low 48 bits) and `fraction` 4096ths
    /// of a millisecond more (its low 12 bits), with `randomBits` (the low 62) after them.
    public static func timeOrdered(unixMilliseconds: UInt64, fraction: UInt64 = 0, randomBits: UInt64) -> UUID {
        let high = (unixMilliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (fraction & 0x0FFF)  // version 7
        let low = 0x8000_0000_0000_0000 | (randomBits & 0x3FFF_FFFF_FFFF_FFFF)  // variant 10
        return UUID(uuid: unsafeBitCast((high.bigEndian, low.bigEndian), to: uuid_t.self))
    }
}
