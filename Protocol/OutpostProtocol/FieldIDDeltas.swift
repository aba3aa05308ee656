import ByteCoding
import MergeEngine

/// Field ids as the protocol writes them wherever several follow one another (a write's
/// fields, a batch section's field columns; SPEC.md §5.2 and §4.2): strictly ascending, each
/// a varint delta from the previous id, the first the id itself, none above 65535.
///
/// One value walks one list: `write` each id in ascending order, or `read` them back.
struct FieldIDDeltas {
    private var previous: UInt16 = 0
    private var isFirst = true

    /// Writes `field`, which must be above the id written before it.
    mutating func write(_ field: FieldID, to writer: inout ByteWriter) {
        writer.varint(UInt64(field.rawValue - previous))
        previous = field.rawValue
    }

    /// Reads the next id; `malformed` if it is not above the previous one or above 65535.
    mutating func read(from reader: inout ByteReader<ProtocolError>) throws(ProtocolError) -> FieldID {
        let delta = try reader.varint()
        guard isFirst || delta > 0, delta <= UInt64(UInt16.max - previous) else {
            throw ProtocolError(.malformed, "field ids at byte \(reader.offset) must be ascending and below 65536")
        }
        previous += UInt16(delta)
        isFirst = false
        return FieldID(previous)
    }
}
