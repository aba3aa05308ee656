public import NIOCore

extension ByteBuffer {
    /// Writes `payload` preceded by its length as an unsigned LEB128 varint.
    public mutating func writeFrame(_ payload: [UInt8]) {
        var length = UInt64(payload.count)
        while length >= 0x80 {
            writeInteger(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        writeInteger(UInt8(length))
        writeBytes(payload)
    }
}
