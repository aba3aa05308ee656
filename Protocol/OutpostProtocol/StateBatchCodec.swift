import ByteCoding
import MergeEngine
import StateCoding

/// Many record states with their routes, laid out by column so that a compressor
/// sees long runs of similar bytes (SPEC.md §4.2, §4.3).
///
/// Records are grouped into one section per record type, each opening with its ids
/// (``IDColumn``: in full, or by the time they were minted). Most records are in
/// *simple form* — every entry carries the record's own hub stamp, one origin and
/// one time, as after a create or an admin import — and those are stored column by
/// column: ids, counters, origins, times, then each field's values. Any other state
/// (conflicts, fields written at different times, deletes) follows in general form
/// (``RecordStateCodec``).
public enum StateBatchCodec {
    /// Appends `records`, whose hub stamps come from `hub`.
    public static func write(_ records: [FrameRecord], hub: ReplicaID, to writer: inout ByteWriter) {
        var order: [RecordTypeID] = []
        var sections: [RecordTypeID: [FrameRecord]] = [:]
        for record in records {
            if sections[record.state.type] == nil { order.append(record.state.type) }
            sections[record.state.type, default: []].append(record)
        }
        writer.varint(order.count)
        for type in order { writeSection(type, sections[type]!, hub: hub, to: &writer) }
    }

    /// Reads states written by ``write(_:hub:to:)``.
    public static func read(from reader: inout ByteReader<ProtocolError>, hub: ReplicaID) throws(ProtocolError) -> [FrameRecord] {
        let sectionCount = try reader.count(max: reader.remaining / 3, of: "section count")
        var records: [FrameRecord] = []
        for _ in 0..<sectionCount { try readSection(from: &reader, hub: hub, into: &records) }
        return records
    }

    // MARK: Sections

    private static func writeSection(_ type: RecordTypeID, _ records: [FrameRecord], hub: ReplicaID, to writer: inout ByteWriter) {
        let states = records.map(\.state)
        writer.varint(UInt64(type.rawValue))
        IDColumn.write(states.map(\.id), to: &writer)
        var previous: Int64 = 0
        for state in states {
            let counter = Int64(truncatingIfNeeded: state.context[hub])
            writer.signed(counter &- previous)
            previous = counter
        }
        let simple = states.map { isSimple($0, hub: hub) }
        writer.raw(Bitmap.pack(simple.map { !$0 }))
        let simpleStates = zip(states, simple).filter(\.1).map(\.0)
        for state in simpleStates { writer.varint(UInt64(state.existence[0].origin.rawValue)) }
        var previousTime: Int64 = 0
        for state in simpleStates {
            let seconds = ValueCodec.seconds(state.existence[0].time)
            writer.signed(seconds &- previousTime)
            previousTime = seconds
        }
        let fieldIDs = Set(simpleStates.flatMap { $0.fields.map(\.id) }).sorted()
        writer.varint(fieldIDs.count)
        var deltas = FieldIDDeltas()
        for field in fieldIDs {
            deltas.write(field, to: &writer)
            let values = simpleStates.map { $0.siblings(of: field).first?.value }
            writer.raw(Bitmap.pack(values.map { $0 != nil }))
            for case let value? in values { ValueCodec.write(value, to: &writer) }
        }
        for (state, isSimple) in zip(states, simple) where !isSimple { RecordStateCodec.write(state, to: &writer) }
        RouteColumn.write(records, to: &writer)
    }

    private static func readSection(from reader: inout ByteReader<ProtocolError>, hub: ReplicaID, into records: inout [FrameRecord]) throws(ProtocolError) {
        var states: [RecordState] = []
        let type = try TypeCodec.read(from: &reader)
        let ids = try IDColumn.read(from: &reader)
        let count = ids.count
        var counters: [UInt64] = []
        var previous: Int64 = 0
        for _ in 0..<count {
            previous = previous &+ (try reader.signed())
            guard previous > 0 else { throw ProtocolError(.malformed, "record counter \(previous) at byte \(reader.offset) is not positive") }
            counters.append(UInt64(previous))
        }
        let general = try Bitmap.unpack(try reader.raw(Bitmap.byteCount(count)), count: count)
        let simpleIndices = (0..<count).filter { !general[$0] }
        var origins: [ReplicaID] = []
        for _ in simpleIndices { origins.append(try ReplicaCodec.read(from: &reader)) }
        var times: [WallClock] = []
        var previousTime: Int64 = 0
        for _ in simpleIndices {
            previousTime = previousTime &+ (try reader.signed())
            guard previousTime > -(1 << 40), previousTime < 1 << 40 else { throw ProtocolError(.malformed, "time \(previousTime) s is out of range") }
            times.append(WallClock(milliseconds: ValueCodec.epochMilliseconds + previousTime * 1000))
        }
        let fieldCount = try reader.count(max: reader.remaining, of: "field count")
        var fields = [[FieldSlot]](repeating: [], count: simpleIndices.count)
        var fieldIDs = FieldIDDeltas()
        for _ in 0..<fieldCount {
            let field = try fieldIDs.read(from: &reader)
            let present = try Bitmap.unpack(try reader.raw(Bitmap.byteCount(simpleIndices.count)), count: simpleIndices.count)
            for (position, recordIndex) in simpleIndices.enumerated() where present[position] {
                let stamp = Dot(replica: hub, counter: counters[recordIndex])
                let entry = FieldEntry(stamp: stamp, origin: origins[position], value: try ValueCodec.read(from: &reader), time: times[position])
                fields[position].append(FieldSlot(id: field, siblings: [entry]))
            }
        }
        var simplePosition = 0
        for index in 0..<count {
            if general[index] {
                let state = try RecordStateCodec.read(from: &reader, id: ids[index])
                guard state.type == type, state.context[hub] == counters[index] else {
                    throw ProtocolError(.malformed, "record \(ids[index]) disagrees with its section's type or counter")
                }
                states.append(state)
            } else {
                let stamp = Dot(replica: hub, counter: counters[index])
                let alive = ExistenceEntry(stamp: stamp, origin: origins[simplePosition], kind: .alive, time: times[simplePosition])
                do {
                    states.append(try RecordState(id: ids[index], type: type, context: VersionVector([stamp]),
                                                  existence: [alive], fields: fields[simplePosition]))
                } catch {
                    throw ProtocolError(.malformed, error.description)
                }
                simplePosition += 1
            }
        }
        let routes = try RouteColumn.read(for: states[...], from: &reader)
        records += zip(states, routes).map { FrameRecord($0, route: $1) }
    }

    /// Whether `state` is in simple form: one hub context entry, one live existence
    /// entry and one value per field, all carrying that stamp, origin and time.
    static func isSimple(_ state: RecordState, hub: ReplicaID) -> Bool {
        guard state.context.entries.count == 1, state.existence.count == 1 else { return false }
        let top = state.context.entries[0]
        let alive = state.existence[0]
        guard top.replica == hub, alive.stamp == top, case .alive = alive.kind else { return false }
        return state.fields.allSatisfy { slot in
            slot.siblings.count == 1 && slot.siblings[0].stamp == top
                && slot.siblings[0].origin == alive.origin && slot.siblings[0].time == alive.time
        }
    }
}

/// Booleans packed eight to a byte, least significant bit first.
enum Bitmap {
    static func byteCount(_ count: Int) -> Int { (count + 7) / 8 }

    static func pack(_ flags: [Bool]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: byteCount(flags.count))
        for (index, flag) in flags.enumerated() where flag { bytes[index / 8] |= 1 << UInt8(index % 8) }
        return bytes
    }

    static func unpack(_ bytes: [UInt8], count: Int) throws(ProtocolError) -> [Bool] {
        let flags = (0..<count).map { bytes[$0 / 8] & (1 << UInt8($0 % 8)) != 0 }
        if count % 8 != 0, let last = bytes.last, last >> UInt8(count % 8) != 0 {
            throw ProtocolError(.malformed, "a bitmap has bits set past its \(count) entries")
        }
        return flags
    }
}
