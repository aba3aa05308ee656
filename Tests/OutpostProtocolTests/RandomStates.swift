import MergeEngine
import OutpostProtocol
import StateCoding
import SeededRandom

/// Realistic record states for codec tests: random creates, updates, deletes and
/// restores by three devices, each made against the state the device last received
/// and stamped by the hub in acceptance order (so states carry conflicts, tombstones
/// and mixed stamps), with second-aligned times as writers produce them.
enum RandomStates {
    static let hub = ReplicaID(0)

    static func make(seed: UInt64, operations: Int) -> [RecordState] {
        var random = SplitMix(seed: seed)
        var hubStates: [RecordID: RecordState] = [:]
        var seen: [[RecordID: RecordState]] = Array(repeating: [:], count: 3)
        var counters: [UInt64] = [0, 0, 0]
        var stamp: UInt64 = 0
        let records = (0..<6).map { RecordID(high: 0xC0DE, low: $0 &* 0x9E37_79B9_7F4A_7C15) }
        for step in 0..<operations {
            let index = Int(random.next() % 3)
            let record = records[Int(random.next() % 6)]
            let time = WallClock(milliseconds: ValueCodecEpoch.start + Int64(random.next() % 100_000) * 1000)
            let fields = [FieldID(UInt16(1 + random.next() % 5)): value(&random)]
            let operation: WriteOperation
            if seen[index][record] == nil {
                operation = .create(type: RecordTypeID(UInt16(3 + random.next() % 2)), fields: fields)
            } else {
                switch random.next() % 6 {
                case 0: operation = .delete
                case 1: operation = .restore(fields: fields)
                default: operation = .update(fields: fields)
                }
            }
            counters[index] += 1
            stamp += 1
            let write = Write(dot: Dot(replica: ReplicaID(UInt32(index + 1)), counter: counters[index]), record: record,
                              context: seen[index][record]?.context ?? VersionVector(), operation: operation, time: time)
            var state = hubStates[record] ?? RecordState(id: record, type: RecordTypeID(3))
            state.apply(write, stamp: Dot(replica: hub, counter: stamp))
            hubStates[record] = state
            if step % 3 == 2 || random.next() % 4 == 0 { seen[index] = hubStates }
        }
        return hubStates.values.sorted { $0.id < $1.id }
    }

    /// Ids that field values name, as a territory or parent record would be.
    static let targets = (0..<3).map { RecordID(high: 0x7E77, low: $0) }

    /// `states` with routes: global, or a territory or parent that is mostly the id one
    /// of the record's fields names (as for real records), sometimes another one.
    static func routed(_ states: [RecordState], seed: UInt64) -> [FrameRecord] {
        var random = SplitMix(seed: seed ^ 0x5EED)
        return states.map { state in
            let named = state.fields.compactMap { slot -> RecordID? in
                guard case .bytes(let bytes)? = slot.siblings.last?.value else { return nil }
                return try? RecordID(bytes: bytes)
            }
            let target = named.isEmpty || random.next() % 5 == 0 ? targets[Int(random.next() % 3)] : named[0]
            switch random.next() % 3 {
            case 0: return FrameRecord(state, route: .global)
            case 1: return FrameRecord(state, route: .territory(target))
            default: return FrameRecord(state, route: .parent(target))
            }
        }
    }

    static func value(_ random: inout SplitMix) -> FieldValue {
        switch random.next() % 8 {
        case 7: .bytes(targets[Int(random.next() % 3)].bytes)
        case 0: .null
        case 1: .bool(random.next() % 2 == 0)
        case 2: .int(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
        case 3: .string(["", "Acme GmbH", "Zürich", "日本", "a\u{1F600}b"][Int(random.next() % 5)])
        case 4: .bytes((0..<Int(random.next() % 20)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 5: .decimal(units: Int64(bitPattern: random.next()) >> 20, scale: UInt8(random.next() % 4))
        default: .string(String(repeating: "x", count: Int(random.next() % 200)))
        }
    }
}

enum ValueCodecEpoch {
    static let start: Int64 = 1_764_000_000_000
}

