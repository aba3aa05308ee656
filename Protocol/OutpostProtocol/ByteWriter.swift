import MergeEngine

/// Appends the protocol's primitive encodings (SPEC.md §1) to a byte buffer.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// One raw byte.
    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// An unsigned LEB128 varint.
    public mutating func varint(_ value: UInt64) { LEB128.append(value, to: &bytes) }

    /// An unsigned LEB128 varint of a non-negative `Int`.
    public mutating func varint(_ value: Int) { LEB128.append(UInt64(max(0, value)), to: &bytes) }

    /// A signed integer, zig-zag mapped then LEB128 (0, -1, 1, -2 … → 0, 1, 2, 3 …).
    public mutating func signed(_ value: Int64) {
        LEB128.append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    /// Bytes as they are (the length is known from context).
    public mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// A varint length followed by the bytes.
    public mutating func lengthPrefixed(_ value: [UInt8]) {
        varint(value.count)
        bytes += value
    }

    /// A varint length followed by the string's UTF-8 bytes.
    public mutating func string(_ value: String) { lengthPrefixed(Array(value.utf8)) }

    /// A record id: its 16 bytes.
    public mutating func recordID(_ id: RecordID) { bytes += id.bytes }
}
