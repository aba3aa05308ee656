import MergeEngine
import OutpostModel

/// Appends the primitives of the byte layouts: LEB128 counts, zig-zag LEB128
/// signed integers, 16-byte UUIDs and length-prefixed UTF-8.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    /// An unsigned LEB128 count.
    mutating func count(_ count: Int) { LEB128.append(UInt64(count), to: &bytes) }

    /// A signed integer, zig-zag mapped (0, -1, 1, -2… → 0, 1, 2, 3…) then LEB128.
    mutating func signed(_ value: Int64) {
        LEB128.append(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    }

    /// The 16 UUID bytes in RFC 4122 order.
    mutating func id<Entity>(_ id: EntityID<Entity>) { bytes += RecordID(id).bytes }

    /// Bytes as they are, of a length the layout fixes.
    mutating func raw(_ raw: [UInt8]) { bytes += raw }

    /// A LEB128 byte count followed by the UTF-8 bytes.
    mutating func text(_ text: String) {
        count(text.utf8.count)
        bytes += text.utf8
    }
}

/// Reads what ``ByteWriter`` wrote, refusing truncated, over-long or trailing input.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// An element count; every element takes at least one byte, so a count beyond
    /// the remaining bytes is refused before anything is allocated.
    mutating func count() throws(FieldProblem) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else {
            throw .invalid("announces \(value) elements at byte \(offset) but only \(bytes.count - offset) bytes follow; the bytes are corrupt")
        }
        return Int(value)
    }

    /// A zig-zag LEB128 signed integer.
    mutating func signed() throws(FieldProblem) -> Int64 {
        let zigzag = try varint()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    /// A 16-byte UUID.
    mutating func id<Entity>() throws(FieldProblem) -> EntityID<Entity> {
        guard bytes.count - offset >= 16 else {
            throw .invalid("ends inside a 16-byte id at byte \(offset); the bytes were cut short")
        }
        defer { offset += 16 }
        // Exactly 16 bytes, so the initializer cannot fail.
        return EntityID(try! RecordID(bytes: bytes[offset..<offset + 16]))
    }

    /// `length` bytes as they are.
    mutating func raw(_ length: Int) throws(FieldProblem) -> [UInt8] {
        guard bytes.count - offset >= length else {
            throw .invalid("ends inside a \(length)-byte value at byte \(offset); the bytes were cut short")
        }
        defer { offset += length }
        return Array(bytes[offset..<offset + length])
    }

    /// Length-prefixed UTF-8 text.
    mutating func text() throws(FieldProblem) -> String {
        let length = try count()
        defer { offset += length }
        guard let text = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
            throw .invalid("holds text at byte \(offset) that is not valid UTF-8; the bytes are corrupt")
        }
        return text
    }

    /// Checks that every byte was read.
    func finish() throws(FieldProblem) {
        guard offset == bytes.count else {
            throw .invalid("has \(bytes.count - offset) unexpected bytes after the last element; the bytes are corrupt")
        }
    }

    private mutating func varint() throws(FieldProblem) -> UInt64 {
        do {
            return try LEB128.read(bytes, at: &offset)
        } catch {
            throw .invalid(error.description)
        }
    }
}
