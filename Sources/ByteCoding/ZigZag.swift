/// Zig-zag mapping of signed integers onto unsigned ones, so small magnitudes of
/// either sign take few LEB128 bytes: 0, -1, 1, -2, 2 … → 0, 1, 2, 3, 4 …
public enum ZigZag {
    /// `value` mapped to its unsigned zig-zag form.
    @inlinable public static func encode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The signed value of a zig-zag form.
    @inlinable public static func decode(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
}
