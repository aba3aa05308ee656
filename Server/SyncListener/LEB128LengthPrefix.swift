import ByteCoding
public import NIOCore

/// The frame length prefix (an unsigned LEB128 varint, see ``Framing``) as a NIO
/// integer encoding, so the listener and the HTTP route read and write frames with
/// `ByteBuffer`'s length-prefix helpers.
///
/// ```swift
/// buffer.writeLengthPrefixedBytes(payload, strategy: LEB128LengthPrefix())
/// let payload = buffer.readLengthPrefixedSlice(strategy: LEB128LengthPrefix())
/// ```
public struct LEB128LengthPrefix: NIOBinaryIntegerEncodingStrategy {
    /// Creates the strategy.
    public init() {}

    /// Reads a varint at the reader index; `nil` (the index unmoved) when the bytes
    /// end inside it, or when it is malformed or does not fit `IntegerType` — check
    /// a prefix with ``Framing/readPrefix(of:maxPayloadBytes:)`` first to tell these apart.
    public func readInteger<IntegerType: FixedWidthInteger>(as: IntegerType.Type, from buffer: inout ByteBuffer) -> IntegerType? {
        let bytes = buffer.readableBytesView
        var index = bytes.startIndex
        guard let value = try? LEB128.read(bytes, at: &index), let integer = IntegerType(exactly: value) else { return nil }
        buffer.moveReaderIndex(forwardBy: bytes.distance(from: bytes.startIndex, to: index))
        return integer
    }

    /// Writes `integer` (which must not be negative) as a varint.
    public func writeInteger<IntegerType: FixedWidthInteger>(_ integer: IntegerType, to buffer: inout ByteBuffer) -> Int {
        var bytes: [UInt8] = []
        LEB128.append(UInt64(integer), to: &bytes)
        return buffer.writeBytes(bytes)
    }
}

extension ByteBuffer {
    /// Writes `payload` as one frame: its length as a varint, then the bytes.
    public mutating func writeFrame(_ payload: [UInt8]) {
        writeLengthPrefixedBytes(payload, strategy: LEB128LengthPrefix())
    }
}
