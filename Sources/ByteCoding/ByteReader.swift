/// Reads what ``ByteWriter`` writes, refusing anything truncated or malformed with
/// the caller's error type. Counts are checked against a limit before anything is
/// allocated, so a hostile length cannot make the reader reserve memory.
///
/// ```swift
/// var reader = ByteReader<ProtocolError>(bytes)
/// let count = try reader.count(max: 100, of: "the write count")
/// try reader.expectEnd(of: "request")
/// ```
public struct ByteReader<Failure: ByteReadFailure>: Sendable {
    /// The whole input.
    public let bytes: [UInt8]
    /// The next byte to read.
    @inlinable public var offset: Int { position }
    @usableFromInline var position: Int

    /// Starts reading `bytes` at `offset`.
    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.position = offset
    }

    /// Bytes not read yet.
    @inlinable public var remaining: Int { bytes.count - offset }

    /// Whether every byte was read.
    @inlinable public var isAtEnd: Bool { offset == bytes.count }

    /// One byte.
    @inlinable public mutating func byte() throws(Failure) -> UInt8 {
        guard offset < bytes.count else { throw truncated("a byte") }
        defer { position += 1 }
        return bytes[offset]
    }

    /// An unsigned LEB128 varint.
    @inlinable public mutating func varint() throws(Failure) -> UInt64 {
        do { return try LEB128.read(bytes, at: &position) } catch {
            switch error {
            case .truncated: throw truncated("a varint")
            case .overflow(let at): throw .malformed("varint at byte \(at) exceeds 64 bits; the bytes are corrupt")
            }
        }
    }

    /// An unsigned varint that must not exceed `limit`, as an `Int`.
    @inlinable public mutating func count(max limit: Int, of what: String) throws(Failure) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(max(0, limit)) else {
            throw .malformed("\(what) at byte \(start) is \(value); at most \(limit) fit in these bytes")
        }
        return Int(value)
    }

    /// A count of elements that each take at least one byte: refused when it is
    /// over the bytes left, before anything is allocated for them.
    @inlinable public mutating func count(of what: String) throws(Failure) -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining) else {
            throw .malformed("\(what) at byte \(start) is \(value) but only \(remaining) bytes follow")
        }
        return Int(value)
    }

    /// A zig-zag signed varint.
    @inlinable public mutating func signed() throws(Failure) -> Int64 {
        ZigZag.decode(try varint())
    }

    /// Exactly `count` bytes.
    @inlinable public mutating func raw(_ count: Int) throws(Failure) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw truncated("\(count) bytes") }
        defer { position += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A varint length followed by that many bytes.
    @inlinable public mutating func lengthPrefixed() throws(Failure) -> [UInt8] {
        try raw(count(of: "a length"))
    }

    /// Passes over a varint length and that many bytes, copying nothing.
    @inlinable public mutating func skipLengthPrefixed() throws(Failure) {
        let count = try count(of: "a length")
        position += count
    }

    /// A varint length followed by that many bytes of valid UTF-8.
    @inlinable public mutating func string() throws(Failure) -> String {
        let start = offset
        let data = try lengthPrefixed()
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .malformed("text at byte \(start) is not valid UTF-8; the bytes are corrupt")
        }
        return text
    }

    /// Refuses trailing bytes after the `what` just read.
    @inlinable public func expectEnd(of what: String) throws(Failure) {
        guard isAtEnd else {
            throw .malformed("\(remaining) unexpected bytes after the \(what)")
        }
    }

    @inlinable func truncated(_ what: String) -> Failure {
        .truncated("the bytes end at byte \(offset) where \(what) was expected")
    }
}
