/// Length-prefixed frames: an unsigned LEB128 varint giving the payload's length,
/// then the payload. The same bytes travel over native TCP and inside HTTP bodies.
///
/// ```swift
/// Framing.frame([0x01, 0x02])  // [0x02, 0x01, 0x02]
/// ```
public enum Framing {
    /// The most bytes a length prefix may take: ten 7-bit groups hold any `UInt64`.
    public static let maxPrefixBytes = 10

    /// Returns `payload` preceded by its length as a varint.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefixSize(payload.count) + payload.count)
        appendPrefix(payload.count, to: &bytes)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// The number of bytes of the length prefix for a payload of `length` bytes.
    public static func prefixSize(_ length: Int) -> Int {
        var value = UInt64(length)
        var size = 1
        while value >= 0x80 {
            value >>= 7
            size += 1
        }
        return size
    }

    /// The framed size of a payload of `length` bytes: prefix plus payload.
    public static func framedSize(_ length: Int) -> Int {
        prefixSize(length) + length
    }

    /// Appends `length` as an unsigned LEB128 varint.
    public static func appendPrefix(_ length: Int, to bytes: inout [UInt8]) {
        var value = UInt64(length)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
