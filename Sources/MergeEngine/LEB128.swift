/// Unsigned LEB128 varints: 7 bits per byte, low bits first, high bit = "more".
public enum LEB128 {
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

    /// Reads one varint starting at `offset`, advancing it.
    /// - Throws: ``LEB128Error`` on truncated or over-long input.
    public static func read(_ bytes: [UInt8], at offset: inout Int) throws(LEB128Error) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw .truncated(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw .overflow(offset: offset - 1) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
}

/// Malformed varint input.
public enum LEB128Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input ended inside a varint.
    case truncated(offset: Int)
    /// The varint does not fit in 64 bits.
    case overflow(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let offset): "Varint truncated at byte \(offset); the buffer was cut short, resend it whole."
        case .overflow(let offset): "Varint at byte \(offset) exceeds 64 bits; the buffer is corrupt."
        }
    }
}
