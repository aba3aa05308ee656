import ByteCoding
import MergeEngine
import StateCoding

/// A device's pending writes inside a sync request (SPEC.md §5). The author is the
/// requesting device, so dots carry only their counter, as a delta from the
/// previous write's.
public enum WriteCodec {
    /// Operation numbers in the low two bits of a write's header byte.
    private enum Operation: UInt8 { case create = 0, update = 1, delete = 2, restore = 3 }
    /// Header bit: the context is exactly one entry of the hub (only its counter follows).
    private static let hubContextBit: UInt8 = 0x10
    /// Header bit: the context is empty (a create of a record never seen).
    private static let emptyContextBit: UInt8 = 0x20

    /// Appends `writes` (ascending by dot counter), all authored by one device.
    public static func write(_ writes: [Write], hub: ReplicaID, to writer: inout ByteWriter) {
        writer.varint(writes.count)
        var previous: UInt64 = 0
        for write in writes {
            var header: UInt8
            let fields: [FieldID: FieldValue]
            switch write.operation {
            case .create(_, let values): header = Operation.create.rawValue; fields = values
            case .update(let values): header = Operation.update.rawValue; fields = values
            case .delete: header = Operation.delete.rawValue; fields = [:]
            case .restore(let values): header = Operation.restore.rawValue; fields = values
            }
            let entries = write.context.entries
            if entries.isEmpty {
                header |= emptyContextBit
            } else if entries.count == 1, entries[0].replica == hub {
                header |= hubContextBit
            }
            writer.byte(header)
            writer.varint(write.dot.counter &- previous)
            previous = write.dot.counter
            writer.recordID(write.record)
            if case .create(let type, _) = write.operation { writer.varint(UInt64(type.rawValue)) }
            if header & hubContextBit != 0 {
                writer.varint(entries[0].counter)
            } else if header & emptyContextBit == 0 {
                VectorCodec.write(write.context, to: &writer)
            }
            ValueCodec.write(write.time, to: &writer)
            if case .delete = write.operation { continue }
            FieldsCodec.write(fields, to: &writer)
        }
    }

    /// Reads writes authored by `device`.
    public static func read(
        from reader: inout ByteReader<ProtocolError>, device: ReplicaID, hub: ReplicaID
    ) throws(ProtocolError) -> [Write] {
        let count = try reader.count(max: reader.remaining / 19, of: "write count")
        var writes: [Write] = []
        writes.reserveCapacity(count)
        var previous: UInt64 = 0
        for _ in 0..<count {
            let start = reader.offset
            let header = try reader.byte()
            guard header & 0xCC == 0, header & 0x30 != 0x30, let operation = Operation(rawValue: header & 0x03) else {
                throw ProtocolError(.malformed, "write header \(header) at byte \(start) is unknown")
            }
            let delta = try reader.varint()
            guard delta > 0, previous <= UInt64.max - delta else {
                throw ProtocolError(.malformed, "write counters at byte \(start) must strictly increase")
            }
            previous += delta
            let record = try reader.recordID()
            var type = RecordTypeID(0)
            if operation == .create { type = try TypeCodec.read(from: &reader) }
            let context: VersionVector
            if header & hubContextBit != 0 {
                context = VersionVector([Dot(replica: hub, counter: try reader.varint())])
            } else if header & emptyContextBit != 0 {
                context = VersionVector()
            } else {
                context = try VectorCodec.read(from: &reader)
            }
            let time = try ValueCodec.readTime(from: &reader)
            let op: WriteOperation
            switch operation {
            case .create: op = .create(type: type, fields: try FieldsCodec.read(from: &reader))
            case .update: op = .update(fields: try FieldsCodec.read(from: &reader))
            case .delete: op = .delete
            case .restore: op = .restore(fields: try FieldsCodec.read(from: &reader))
            }
            writes.append(Write(dot: Dot(replica: device, counter: previous), record: record,
                                context: context, operation: op, time: time))
        }
        return writes
    }
}

/// A set of field values: count, then per field (ascending) the id as a delta from
/// the previous id and the value.
enum FieldsCodec {
    static func write(_ fields: [FieldID: FieldValue], to writer: inout ByteWriter) {
        writer.varint(fields.count)
        var ids = FieldIDDeltas()
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) {
            ids.write(field, to: &writer)
            ValueCodec.write(value, to: &writer)
        }
    }

    static func read(from reader: inout ByteReader<ProtocolError>) throws(ProtocolError) -> [FieldID: FieldValue] {
        let count = try reader.count(max: reader.remaining / 2, of: "field count")
        var fields: [FieldID: FieldValue] = [:]
        var ids = FieldIDDeltas()
        for _ in 0..<count {
            fields[try ids.read(from: &reader)] = try ValueCodec.read(from: &reader)
        }
        return fields
    }
}
