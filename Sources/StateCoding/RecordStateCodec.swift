public import ByteCoding
public import MergeEngine

/// One record's full replicated state in its general form (SPEC.md §4.1): used for
/// storage (the hub's and the device's), and inside the protocol's change batches for records that are not in simple form.
/// Stamps are written as their replica plus the gap below the context's counter of
/// that replica, which is small for recent entries.
public enum RecordStateCodec {
    /// The state's bytes, without its id.
    public static func encode(_ state: RecordState) -> [UInt8] {
        var writer = ByteWriter()
        write(state, to: &writer)
        return writer.bytes
    }

    /// Decodes a state stored or received for `id`.
    /// - Throws: ``StateCodingError`` if the bytes are malformed or the state breaks an
    ///   invariant of the merge engine.
    public static func decode(_ bytes: [UInt8], id: RecordID) throws(StateCodingError) -> RecordState {
        var reader = ByteReader<StateCodingError>(bytes)
        let state = try read(from: &reader, id: id)
        try reader.expectEnd(of: "record state")
        return state
    }

    public static func write(_ state: RecordState, to writer: inout ByteWriter) {
        writer.varint(UInt64(state.type.rawValue))
        VectorCodec.write(state.context, to: &writer)
        writer.varint(state.existence.count)
        for entry in state.existence {
            writeStamp(entry.stamp, context: state.context, to: &writer)
            writer.varint(UInt64(entry.origin.rawValue))
            ValueCodec.write(entry.time, to: &writer)
            switch entry.kind {
            case .alive: writer.byte(0)
            case .deleted(let seen):
                writer.byte(1)
                VectorCodec.write(seen.vector, to: &writer)
                writer.varint(seen.extras.count)
                for dot in seen.extras {
                    writer.varint(UInt64(dot.replica.rawValue))
                    writer.varint(dot.counter)
                }
            }
        }
        writer.varint(state.fields.count)
        var fieldIDs = FieldIDDeltas()
        for slot in state.fields {
            fieldIDs.write(slot.id, to: &writer)
            writer.varint(slot.siblings.count)
            for entry in slot.siblings {
                writeStamp(entry.stamp, context: state.context, to: &writer)
                writer.varint(UInt64(entry.origin.rawValue))
                ValueCodec.write(entry.time, to: &writer)
                ValueCodec.write(entry.value, to: &writer)
            }
        }
    }

    public static func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>, id: RecordID) throws(Failure) -> RecordState {
        let type = try TypeCodec.read(from: &reader)
        let context = try VectorCodec.read(from: &reader)
        let existenceCount = try reader.count(max: reader.remaining / 4, of: "existence entry count")
        var existence: [ExistenceEntry] = []
        for _ in 0..<existenceCount {
            let stamp = try readStamp(from: &reader, context: context)
            let origin = try ReplicaCodec.read(from: &reader)
            let time = try ValueCodec.readTime(from: &reader)
            let kind: ExistenceEntry.Kind
            switch try reader.byte() {
            case 0: kind = .alive
            case 1:
                let vector = try VectorCodec.read(from: &reader)
                let extraCount = try reader.count(max: reader.remaining / 2, of: "extra dot count")
                var extras: [Dot] = []
                for _ in 0..<extraCount {
                    extras.append(Dot(replica: try ReplicaCodec.read(from: &reader), counter: try reader.varint()))
                }
                kind = .deleted(seen: CausalContext(vector: vector, extras: extras))
            case let other:
                throw Failure.malformed("existence kind \(other) at byte \(reader.offset - 1) is unknown")
            }
            existence.append(ExistenceEntry(stamp: stamp, origin: origin, kind: kind, time: time))
        }
        let fieldCount = try reader.count(max: reader.remaining / 5, of: "field count")
        var fields: [FieldSlot] = []
        var fieldIDs = FieldIDDeltas()
        for _ in 0..<fieldCount {
            let fieldID = try fieldIDs.read(from: &reader)
            let siblingCount = try reader.count(max: reader.remaining / 4, of: "sibling count")
            var siblings: [FieldEntry] = []
            for _ in 0..<siblingCount {
                let stamp = try readStamp(from: &reader, context: context)
                let origin = try ReplicaCodec.read(from: &reader)
                let time = try ValueCodec.readTime(from: &reader)
                siblings.append(FieldEntry(stamp: stamp, origin: origin, value: try ValueCodec.read(from: &reader), time: time))
            }
            fields.append(FieldSlot(id: fieldID, siblings: siblings))
        }
        do {
            return try RecordState(id: id, type: type, context: context, existence: existence, fields: fields)
        } catch {
            throw Failure.malformed(error.description)
        }
    }

    private static func writeStamp(_ stamp: Dot, context: VersionVector, to writer: inout ByteWriter) {
        writer.varint(UInt64(stamp.replica.rawValue))
        writer.varint(context[stamp.replica] &- stamp.counter)
    }

    private static func readStamp<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>, context: VersionVector) throws(Failure) -> Dot {
        let replica = try ReplicaCodec.read(from: &reader)
        let gap = try reader.varint()
        let top = context[replica]
        guard gap < top else {
            throw Failure.malformed("stamp at byte \(reader.offset) lies outside the record's context")
        }
        return Dot(replica: replica, counter: top - gap)
    }
}
