public import ByteCoding
public import MergeEngine

/// Field ids as Outpost writes them wherever several follow one another (a state's
/// fields, SPEC.md §4.1; a batch section's field columns, §4.2; a write's fields, §5.2):
/// strictly ascending, each a varint delta from the previous id, the first the id itself,
/// none above 65535.
///
/// One value walks one list: `write` each id in ascending order, or `read` them back.
public struct FieldIDDeltas {
    private var previous: UInt16 = 0
    private var isFirst = true

    /// Starts a list.
    public init() {}

    /// Writes `field`, which must be above the id written before it.
    public mutating func write(_ field: FieldID, to writer: inout ByteWriter) {
        writer.varint(UInt64(field.rawValue - previous))
        previous = field.rawValue
    }

    /// Reads the next id; `malformed` if it is not above the previous one or above 65535.
    public mutating func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> FieldID {
        let delta = try reader.varint()
        guard isFirst || delta > 0, delta <= UInt64(UInt16.max - previous) else {
            throw Failure.malformed("field ids at byte \(reader.offset) must be ascending and below 65536")
        }
        previous += UInt16(delta)
        isFirst = false
        return FieldID(previous)
    }
}
