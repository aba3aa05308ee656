/// Appends the primitive encodings every Outpost byte format is made of (SPEC.md §1):
/// raw bytes, LEB128 varints, zig-zag signed integers and length-prefixed bytes and text.
///
/// ```swift
/// var writer = ByteWriter()
/// writer.varint(300)
/// writer.string("Hesse")
/// writer.bytes  // [0xAC, 0x02, 0x05, 0x48, 0x65, 0x73, 0x73, 0x65]
/// ```
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    @inlinable public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// One raw byte.
    @inlinable public mutating func byte(_ value: UInt8) { storage.append(value) }

    /// An unsigned LEB128 varint.
    @inlinable public mutating func varint(_ value: UInt64) { LEB128.append(value, to: &storage) }

    /// An unsigned LEB128 varint of a non-negative `Int` (a negative one is written as 0).
    @inlinable public mutating func varint(_ value: Int) { LEB128.append(UInt64(max(0, value)), to: &storage) }

    /// A signed integer, zig-zag mapped then LEB128.
    @inlinable public mutating func signed(_ value: Int64) { LEB128.append(ZigZag.encode(value), to: &storage) }

    /// Bytes as they are (the length is known from context).
    @inlinable public mutating func raw(_ value: some Sequence<UInt8>) { storage.append(contentsOf: value) }

    /// A varint length followed by the bytes.
    @inlinable public mutating func lengthPrefixed(_ value: [UInt8]) {
        varint(value.count)
        storage += value
    }

    /// A varint length followed by the string's UTF-8 bytes.
    @inlinable public mutating func string(_ value: String) {
        varint(value.utf8.count)
        storage += value.utf8
    }
}
