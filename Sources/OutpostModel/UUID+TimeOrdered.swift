public import Foundation

extension UUID {
    /// A new time-ordered id: a version 7 UUID (RFC 9562 §5.7) of the current time.
    ///
    /// Ids minted one after another sort, as bytes and as text, in the order they were
    /// minted (to the millisecond). Every index keyed by id — the hub's and each
    /// replica's — then fills at its end instead of at random pages, and the ids of a
    /// delivery page share their leading bytes, which the response stream's compressor
    /// sees. The id shows when it was minted, to the millisecond; the rest is random.
    public static func timeOrdered() -> UUID {
        var random = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        return timeOrdered(unixMilliseconds: milliseconds, randomBits: (random.next(), random.next()))
    }

    /// The version 7 UUID of `unixMilliseconds` (its low 48 bits) whose other 74 bits
    /// are taken from `randomBits`.
    public static func timeOrdered(unixMilliseconds: UInt64, randomBits: (UInt64, UInt64)) -> UUID {
        let high = (unixMilliseconds & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | (randomBits.0 & 0x0FFF)  // version 7, 12 random bits
        let low = 0x8000_0000_0000_0000 | (randomBits.1 & 0x3FFF_FFFF_FFFF_FFFF)  // variant 10, 62 random bits
        return UUID(uuid: unsafeBitCast((high.bigEndian, low.bigEndian), to: uuid_t.self))
    }
}
