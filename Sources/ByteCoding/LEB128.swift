/// Unsigned LEB128 varints: 7 bits per byte, low bits first, high bit = "more".
///
/// ```swift
/// var bytes: [UInt8] = []
/// LEB128.append(300, to: &bytes)          // [0xAC, 0x02]
/// var index = 0
/// try LEB128.read(bytes, at: &index)       // 300, index == 2
/// ```
public enum LEB128 {
    /// The most bytes a varint may take: ten 7-bit groups hold any `UInt64`.
    public static let maxBytes = 10

    /// Appends `value` to `bytes`.
    @inlinable public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The number of bytes `value` takes.
    @inlinable public static func size(of value: UInt64) -> Int {
        max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    /// Reads one varint starting at `index`, advancing it past the varint.
    ///
    /// - Throws: ``LEB128Error/truncated(offset:)`` when `bytes` end inside the varint
    ///   (`index` is then left where it was), ``LEB128Error/overflow(offset:)`` when it
    ///   does not fit in 64 bits or runs past ``maxBytes``.
    @inlinable public static func read<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, at index: inout Bytes.Index
    ) throws(LEB128Error) -> UInt64 {
        var value: UInt64 = 0
        var position = index
        var count = 0
        while position != bytes.endIndex {
            let byte = bytes[position]
            let group = UInt64(byte & 0x7F)
            let shift = UInt64(7 * count)
            guard count < maxBytes, (group << shift) >> shift == group else {
                throw .overflow(offset: bytes.distance(from: bytes.startIndex, to: position))
            }
            value |= group << shift
            count += 1
            position = bytes.index(after: position)
            if byte & 0x80 == 0 {
                index = position
                return value
            }
        }
        throw .truncated(offset: bytes.distance(from: bytes.startIndex, to: position))
    }
}

/// Malformed varint input.
public enum LEB128Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside a varint, at this offset from the start of the input.
    case truncated(offset: Int)
    /// The varint at this offset does not fit in 64 bits.
    case overflow(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let offset): "Varint truncated at byte \(offset); the buffer was cut short, resend it whole."
        case .overflow(let offset): "Varint at byte \(offset) exceeds 64 bits; the buffer is corrupt."
        }
    }
}
