public import ByteCoding

extension ByteWriter {
    /// A record id: its 16 bytes in RFC 4122 order.
    public mutating func recordID(_ id: RecordID) { raw(id.bytes) }
}

extension ByteReader {
    /// A 16-byte record id.
    public mutating func recordID() throws(Failure) -> RecordID {
        let data = try raw(16)
        return RecordID(high: data[0..<8].reduce(0) { $0 << 8 | UInt64($1) },
                        low: data[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
    }
}
