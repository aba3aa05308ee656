import SeededRandom

/// Content-defined chunking (FastCDC with normalised chunking): cut points depend on
/// the bytes around them, not on offsets, so an edit changes the chunks it touches
/// and leaves the rest of a document's chunks — and the bytes a device must fetch —
/// as they were. The device and the server cut the same bytes the same way.
public struct ContentChunker: Sendable {
    /// No chunk is shorter, except a document's last.
    public let minimumSize: Int
    /// The size cut points aim at.
    public let averageSize: Int
    /// No chunk is longer.
    public let maximumSize: Int
    /// Harder to match before the average size (fewer small chunks) …
    private let smallMask: UInt64
    /// … easier after it (fewer chunks cut at the maximum).
    private let largeMask: UInt64

    /// The chunker every Outpost document is cut with: 4 KiB to 64 KiB, 16 KiB on average.
    public static let standard = ContentChunker(minimumSize: 4 << 10, averageSizeBits: 14, maximumSize: 64 << 10)

    /// A chunker aiming at `1 << averageSizeBits` bytes, between `minimumSize` and `maximumSize`.
    public init(minimumSize: Int, averageSizeBits: Int, maximumSize: Int) {
        precondition(averageSizeBits >= 6 && averageSizeBits <= 30, "average chunk size out of range")
        precondition(0 < minimumSize && minimumSize < 1 << averageSizeBits && 1 << averageSizeBits < maximumSize,
                     "chunk sizes must grow: minimum < average < maximum")
        self.minimumSize = minimumSize
        averageSize = 1 << averageSizeBits
        self.maximumSize = maximumSize
        smallMask = Self.mask(bits: averageSizeBits + 2)
        largeMask = Self.mask(bits: averageSizeBits - 2)
    }

    /// The lengths of the chunks `bytes` is cut into, in order; they sum to `bytes.count`.
    public func chunkLengths(of bytes: [UInt8]) -> [Int] {
        var lengths: [Int] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                let length = cut(buffer, from: start)
                lengths.append(length)
                start += length
            }
        }
        return lengths
    }

    /// The length of the chunk starting at `start`.
    private func cut(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let remaining = bytes.count - start
        if remaining <= minimumSize { return remaining }
        let limit = min(remaining, maximumSize)
        let normal = min(limit, averageSize)
        var fingerprint: UInt64 = 0
        var index = minimumSize
        while index < normal {
            fingerprint = (fingerprint << 1) &+ Gear.table[Int(bytes[start + index])]
            if fingerprint & smallMask == 0 { return index }
            index += 1
        }
        while index < limit {
            fingerprint = (fingerprint << 1) &+ Gear.table[Int(bytes[start + index])]
            if fingerprint & largeMask == 0 { return index }
            index += 1
        }
        return limit
    }

    /// A mask of `bits` ones spread over the high half of the fingerprint, where each
    /// bit depends on the most recent bytes.
    private static func mask(bits: Int) -> UInt64 {
        var mask: UInt64 = 0
        let spacing = max(1, 48 / bits)
        for n in 0..<bits { mask |= 1 << UInt64(63 - n * spacing) }
        return mask
    }
}

/// The gear table: 256 fixed pseudo-random words (SplitMix64 from a fixed seed), part
/// of the chunking's definition — changing it changes every cut point.
enum Gear {
    static let table: [UInt64] = {
        var random = SplitMix(seed: 0x4F55_5450_4F53_5431)  // "OUTPOST1"
        return (0..<256).map { _ in random.next() }
    }()
}
