import SeededRandom
import PropertyBased
import Testing
@testable import MergeEngine

/// Random schedules over a hub and 4–6 devices: random writes, offline periods,
/// pushes and pulls delivered split, duplicated, reordered, late or lost, garbage
/// collection (watermark-based and past a horizon) and rebootstraps. After a final
/// quiescent sync every replica must hold exactly the hub's state, and the hub's
/// state must match an independent oracle of which accepted writes survive.
@Suite("Star-topology schedules")
struct StarScheduleProperties {
    @Test("Random schedules converge and lose no acknowledged write")
    func convergence() async {
        await propertyCheck(
            count: 20_000, input: Gen.int(in: 4...6), Gen.uint64().array(of: 10...60)
        ) { deviceCount, steps in
            var simulation = Simulation(devices: deviceCount)
            for step in steps { try simulation.step(step) }
            try simulation.quiesce()
            simulation.checkConvergence()
            simulation.checkOracle()
        }
    }
}

/// An accepted write, as the hub reported it.
struct AcceptedWrite {
    var write: Write
    var stamp: Dot
}

/// In-flight messages that may be delivered late.
enum Message {
    case push(PushRequest)
    case pull(device: Int, part: ChangeBatch)
}

struct Simulation {
    var hub: Hub
    var devices: [DeviceReplica]
    var now = Fixture.noon
    var nextRecord: UInt64 = 1
    var accepted: [AcceptedWrite] = []
    var acceptedCounters: Set<Dot> = []
    var inFlight: [Message] = []
    let fields = (1...3).map { FieldID($0) }

    init(devices count: Int) {
        (hub, devices) = Fixture.hub(devices: count)
    }

    mutating func step(_ bits: UInt64) throws {
        var rng = SplitMix(seed: bits)
        let device = rng.below(devices.count)
        switch rng.below(100) {
        case 0..<45: write(device, &rng)
        case 45..<65: try push(device, &rng)
        case 65..<85: try pull(device, &rng)
        case 85..<92: try deliverLate(&rng)
        case 92..<97: now = now.adding(milliseconds: Int64(rng.below(3)) * Fixture.day)
        default:
            _ = hub.collectGarbage(now: now, horizon: rng.chance(50) ? 2 * Fixture.day : 1000 * Fixture.day)
        }
    }

    mutating func write(_ index: Int, _ rng: inout SplitMix) {
        let known = devices[index].recordIDs
        let skew = Int64(rng.below(3) - 1) * Fixture.day  // clocks up to a day off
        let time = now.adding(milliseconds: skew)
        var values: [FieldID: FieldValue] = [:]
        for field in fields where rng.chance(50) { values[field] = .int(Int64(rng.below(1000))) }
        if values.isEmpty { values[fields[rng.below(fields.count)]] = .string("s\(rng.below(100))") }
        if known.isEmpty || rng.chance(15) {
            let type = rng.chance(50) ? Fixture.account : Fixture.visit
            let id = RecordID(high: 7, low: nextRecord)
            nextRecord += 1
            _ = try? devices[index].create(id, type: type, fields: values, at: time)
            return
        }
        let record = known[rng.below(known.count)]
        switch rng.below(10) {
        case 0..<6: _ = try? devices[index].update(record, fields: values, at: time)
        case 6..<8: _ = try? devices[index].delete(record, at: time)
        default: _ = try? devices[index].restore(record, fields: rng.chance(50) ? values : [:], at: time)
        }
    }

    /// Pushes a random split of the pending writes; parts may be duplicated, delayed or lost.
    mutating func push(_ index: Int, _ rng: inout SplitMix) throws {
        let request = devices[index].pushRequest()
        var parts: [PushRequest] = []
        var writes = request.writes
        while !writes.isEmpty || parts.isEmpty {
            let take = min(writes.count, 1 + rng.below(3))
            var part = request
            part.writes = Array(writes.prefix(take)).shuffled(using: &rng)
            writes.removeFirst(take)
            parts.append(part)
        }
        parts.shuffle(using: &rng)
        for part in parts {
            if rng.chance(10) { inFlight.append(.push(part)); continue }
            if rng.chance(5) { continue }  // lost
            try deliver(part, to: index)
            if rng.chance(10) { try deliver(part, to: index) }  // duplicated
        }
    }

    mutating func deliver(_ request: PushRequest, to index: Int) throws {
        let result = try hub.receive(request, now: now)
        if case .processed(let outcomes) = result {
            for case .accepted(let counter, let stamp) in outcomes {
                let write = try #require(request.writes.first { $0.dot.counter == counter })
                accepted.append(AcceptedWrite(write: write, stamp: stamp))
                #expect(acceptedCounters.insert(write.dot).inserted, "a write was applied twice")
            }
        }
        if devices[index].handle(result) {
            try devices[index].rebootstrap(from: hub.snapshot(for: devices[index].id))
        }
    }

    /// Pulls changes split into parts; parts may be duplicated, reordered, delayed or lost.
    mutating func pull(_ index: Int, _ rng: inout SplitMix) throws {
        let device = devices[index]
        switch try hub.changes(for: device.id, since: device.watermark) {
        case .rebootstrapRequired:
            try devices[index].rebootstrap(from: hub.snapshot(for: device.id))
        case .changes(let batch):
            var parts = batch.parts(maxRecords: 1 + rng.below(3))
            parts.shuffle(using: &rng)
            for part in parts {
                if rng.chance(10) { inFlight.append(.pull(device: index, part: part)); continue }
                if rng.chance(5) { continue }
                try devices[index].apply(part)
                if rng.chance(10) { try devices[index].apply(part) }
            }
        }
    }

    mutating func deliverLate(_ rng: inout SplitMix) throws {
        guard !inFlight.isEmpty else { return }
        switch inFlight.remove(at: rng.below(inFlight.count)) {
        case .push(let request):
            let index = try #require(devices.firstIndex { $0.id == request.device })
            try deliver(request, to: index)
        case .pull(let index, let part):
            try devices[index].apply(part)
        }
    }

    /// Delivers everything still in flight, then syncs every device whole until quiet.
    mutating func quiesce() throws {
        var rng = SplitMix(seed: 42)
        while !inFlight.isEmpty { try deliverLate(&rng) }
        for _ in 0..<3 {
            for index in devices.indices {
                try deliver(devices[index].pushRequest(), to: index)
                switch try hub.changes(for: devices[index].id, since: devices[index].watermark) {
                case .changes(let batch): #expect(try devices[index].apply(batch))
                case .rebootstrapRequired: try devices[index].rebootstrap(from: hub.snapshot(for: devices[index].id))
                }
            }
        }
    }

    func checkConvergence() {
        for device in devices {
            #expect(device.pending.isEmpty, "device \(device.id) still has pending writes")
            #expect(device.watermark == hub.counter)
            #expect(device.base == hub.records, "device \(device.id) diverged from the hub")
            for id in device.recordIDs {
                #expect(device.view(of: id) == hub.view(id))
                #expect(device.state(of: id).map(CausalMetadata.encode) == hub.records[id].map(CausalMetadata.encode))
            }
        }
    }

    /// Independent check of the hub's state against the log of accepted writes: a
    /// field entry survives iff no later accepted write to that field superseded it
    /// (its author had seen it or wrote it); a record is absent only if it was deleted.
    func checkOracle() {
        var byRecord: [RecordID: [AcceptedWrite]] = [:]
        for entry in accepted { byRecord[entry.write.record, default: []].append(entry) }
        for (record, writes) in byRecord {
            guard let state = hub.records[record] else {
                #expect(writes.contains { $0.write.operation == .delete }, "record \(record) vanished without a delete")
                continue
            }
            for field in fields {
                let touching = writes.filter { $0.write.operation.fields[field] != nil }
                let survivors = touching.filter { old in
                    !touching.contains { new in
                        new.stamp > old.stamp
                            && (new.write.context.contains(old.stamp) || new.write.dot.replica == old.write.dot.replica)
                    }
                }
                #expect(state.siblings(of: field).map(\.stamp) == survivors.map(\.stamp).sorted(), "field \(field) of \(record)")
                if let winner = survivors.max(by: { $0.stamp < $1.stamp }) {
                    #expect(hub.view(record)?.values[field] == winner.write.operation.fields[field])
                }
            }
        }
        // Nothing vanishes: every issued write was accepted or is visibly rejected.
        for device in devices {
            let rejected = Set(device.rejected.map(\.write.dot))
            for counter in 1...max(device.counter, 1) where device.counter > 0 {
                let dot = Dot(replica: device.id, counter: counter)
                #expect(acceptedCounters.contains(dot) || rejected.contains(dot), "write \(dot) vanished")
            }
        }
    }
}
