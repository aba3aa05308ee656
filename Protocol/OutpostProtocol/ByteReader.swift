import MergeEngine

/// Reads the protocol's primitive encodings, refusing anything truncated or malformed
/// with a ``ProtocolError``. Counts are checked against the bytes left before anything
/// is allocated, so a hostile length cannot make the reader reserve memory.
public struct ByteReader: Sendable {
    /// The whole input.
    public let bytes: [UInt8]
    /// The next byte to read.
    public private(set) var offset: Int

    /// Starts reading `bytes` at `offset`.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Bytes not read yet.
    public var remaining: Int { bytes.count - offset }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// One byte.
    public mutating func byte() throws(ProtocolError) -> UInt8 {
        guard offset < bytes.count else { throw truncated("a byte") }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// An unsigned varint.
    public mutating func varint() throws(ProtocolError) -> UInt64 {
        do { return try LEB128.read(bytes, at: &offset) } catch {
            switch error {
            case .truncated: throw truncated("a varint")
            case .overflow(let at): throw ProtocolError(.malformed, "varint at byte \(at) exceeds 64 bits")
            }
        }
    }

    /// An unsigned varint that must fit `limit` (inclusive), as an `Int`.
    public mutating func count(max limit: Int, of what: String) throws(ProtocolError) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(limit) else {
            throw ProtocolError(.malformed, "\(what) at byte \(start) is \(value); at most \(limit) fit in this message")
        }
        return Int(value)
    }

    /// A zig-zag signed varint.
    public mutating func signed() throws(ProtocolError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Exactly `count` bytes.
    public mutating func raw(_ count: Int) throws(ProtocolError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw truncated("\(count) bytes") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A varint length followed by that many bytes.
    public mutating func lengthPrefixed() throws(ProtocolError) -> [UInt8] {
        try raw(count(max: remaining, of: "a length"))
    }

    /// A varint length followed by that many bytes of valid UTF-8.
    public mutating func string() throws(ProtocolError) -> String {
        let start = offset
        let data = try lengthPrefixed()
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ProtocolError(.malformed, "string at byte \(start) is not valid UTF-8")
        }
        return text
    }

    /// A 16-byte record id.
    public mutating func recordID() throws(ProtocolError) -> RecordID {
        let data = try raw(16)
        return RecordID(high: data[0..<8].reduce(0) { $0 << 8 | UInt64($1) },
                        low: data[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// Refuses trailing bytes.
    public func expectEnd(of what: String) throws(ProtocolError) {
        guard isAtEnd else {
            throw ProtocolError(.malformed, "\(remaining) unexpected bytes after the \(what)")
        }
    }

    private func truncated(_ what: String) -> ProtocolError {
        ProtocolError(.truncated, "message ends at byte \(offset) where \(what) was expected")
    }
}
