import Testing
@testable import MergeEngine

private typealias F = Fixture
private let name = F.field(1)
private let phone = F.field(2)
private let city = F.field(3)

@Suite("Causality beats wall clocks")
struct ClockSkewTests {
    @Test("A causally later write wins though its device clock is 24 h behind")
    func laterWriteWinsWithClockBehind() throws {
        var (hub, devices) = F.hub(devices: 2)
        let id = F.record(1)
        try devices[0].create(id, type: F.account, fields: [name: .string("Acme")], at: F.noon)
        try hub.syncAll(&devices)
        // Device 1 saw "Acme" and edits it, with a clock 24 hours in the past.
        try devices[1].update(id, fields: [name: .string("Acme Corp")], at: F.noon.adding(milliseconds: -F.day))
        try hub.syncAll(&devices)
        for device in devices {
            #expect(device.view(of: id)?.values[name] == .string("Acme Corp"))
            #expect(device.view(of: id)?.conflicts.isEmpty == true)
        }
        #expect(hub.view(id)?.values[name] == .string("Acme Corp"))
    }

    @Test("A causally later write wins against an earlier write stamped 24 h in the future")
    func laterWriteWinsAgainstClockAhead() throws {
        var (hub, devices) = F.hub(devices: 2)
        let id = F.record(2)
        // Device 0's clock is a day ahead.
        try devices[0].create(id, type: F.account, fields: [phone: .string("555-0100")], at: F.noon.adding(milliseconds: F.day))
        try hub.syncAll(&devices)
        try devices[1].update(id, fields: [phone: .string("555-0199")], at: F.noon)
        try hub.syncAll(&devices)
        #expect(hub.view(id)?.values[phone] == .string("555-0199"))
        #expect(devices[0].view(of: id) == hub.view(id))
        #expect(hub.view(id)?.conflicts.isEmpty == true)
    }

    @Test("Among concurrent writes the hub's acceptance order wins, not the device clock")
    func concurrentWinnerIgnoresClocks() throws {
        var (hub, devices) = F.hub(devices: 2)
        let id = F.record(3)
        try devices[0].create(id, type: F.account, fields: [name: .string("A")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[0].update(id, fields: [name: .string("future")], at: F.noon.adding(milliseconds: F.day))
        try devices[1].update(id, fields: [name: .string("past")], at: F.noon.adding(milliseconds: -F.day))
        try hub.sync(&devices[0])
        try hub.sync(&devices[1])  // accepted last
        try hub.syncAll(&devices)
        #expect(hub.view(id)?.values[name] == .string("past"))
        #expect(hub.view(id)?.conflicts[name]?.map(\.value) == [.string("future")])
    }
}

@Suite("Concurrent writes and conflicts")
struct ConflictTests {
    @Test("Concurrent writes yield the same winner and conflict set everywhere")
    func sameWinnerAndConflicts() throws {
        var (hub, devices) = F.hub(devices: 4)
        let id = F.record(10)
        try devices[0].create(id, type: F.account, fields: [name: .string("base"), city: .string("Oslo")], at: F.noon)
        try hub.syncAll(&devices)
        for index in 1...3 {
            try devices[index].update(id, fields: [name: .string("v\(index)")], at: F.noon)
        }
        // Pushed in the order 3, 1, 2: device 2's write is accepted last.
        for index in [3, 1, 2] { try hub.sync(&devices[index]) }
        try hub.syncAll(&devices)
        let expected = try #require(hub.view(id))
        #expect(expected.values[name] == .string("v2"))
        #expect(expected.conflicts[name]?.map(\.value) == [.string("v3"), .string("v1")])
        #expect(expected.conflicts[city] == nil)
        for device in devices {
            #expect(device.view(of: id) == expected)
            #expect(device.base == hub.records)
        }
    }

    @Test("Writing a conflicted field resolves the conflict on every replica")
    func resolution() throws {
        var (hub, devices) = F.hub(devices: 3)
        let id = F.record(11)
        try devices[0].create(id, type: F.account, fields: [name: .string("base")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[1].update(id, fields: [name: .string("left")], at: F.noon)
        try devices[2].update(id, fields: [name: .string("right")], at: F.noon)
        try hub.syncAll(&devices)
        #expect(devices[0].view(of: id)?.conflicts[name]?.count == 1)
        try devices[0].resolve(id, field: name, with: .string("left"), at: F.noon)
        // The resolution shows locally at once.
        #expect(devices[0].view(of: id)?.conflicts.isEmpty == true)
        try hub.syncAll(&devices)
        for device in devices {
            #expect(device.view(of: id)?.values[name] == .string("left"))
            #expect(device.view(of: id)?.hasConflicts == false)
        }
        #expect(hub.records[id]?.siblings(of: name).count == 1)
    }

    @Test("A device's own successive offline writes never conflict with each other")
    func ownWritesDoNotConflict() throws {
        var (hub, devices) = F.hub(devices: 2)
        let id = F.record(12)
        try devices[0].create(id, type: F.account, fields: [name: .string("one")], at: F.noon)
        try devices[0].update(id, fields: [name: .string("two")], at: F.noon)
        try devices[0].update(id, fields: [name: .string("three")], at: F.noon)
        try hub.syncAll(&devices)
        #expect(hub.view(id)?.values[name] == .string("three"))
        #expect(hub.view(id)?.hasConflicts == false)
        #expect(devices[1].view(of: id) == hub.view(id))
    }
}

@Suite("Delete versus update")
struct DeletePolicyTests {
    /// Device 0 deletes while device 1 concurrently edits the phone.
    private func concurrentDelete(type: RecordTypeID) throws -> (Hub, [DeviceReplica], RecordID) {
        var (hub, devices) = F.hub(devices: 3)
        let id = F.record(20 + UInt64(type.rawValue))
        try devices[0].create(id, type: type, fields: [name: .string("Acme"), phone: .string("1")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[0].delete(id, at: F.noon)
        try devices[1].update(id, fields: [phone: .string("2")], at: F.noon)
        try hub.syncAll(&devices)
        return (hub, devices, id)
    }

    @Test("Update wins (default policy): the record survives whole and the conflict is recorded")
    func updateWins() throws {
        let (hub, devices, id) = try concurrentDelete(type: F.account)
        let view = try #require(hub.view(id))
        #expect(view.isDeleted == false)
        #expect(view.values == [name: .string("Acme"), phone: .string("2")])
        #expect(view.deleteConflict?.updatedFields == [phone])
        #expect(view.deleteConflict?.tombstones.count == 1)
        for device in devices { #expect(device.view(of: id) == view) }
    }

    @Test("Delete wins: the record is deleted and the conflict is recorded")
    func deleteWins() throws {
        let (hub, devices, id) = try concurrentDelete(type: F.visit)
        let view = try #require(hub.view(id))
        #expect(view.isDeleted == true)
        #expect(view.deleteConflict?.updatedFields == [phone])
        #expect(view.values[phone] == .string("2"))  // kept in state, visible as conflict
        for device in devices { #expect(device.view(of: id) == view) }
    }

    @Test("Restoring resolves a delete conflict for everyone", arguments: [F.account, F.visit])
    func restoreResolves(type: RecordTypeID) throws {
        var (hub, devices, id) = try concurrentDelete(type: type)
        try devices[2].restore(id, at: F.noon)
        try hub.syncAll(&devices)
        let view = try #require(hub.view(id))
        #expect(view.isDeleted == false)
        #expect(view.deleteConflict == nil)
        #expect(hub.records[id]?.tombstones.isEmpty == true)
        for device in devices { #expect(device.view(of: id) == view) }
    }

    @Test("Deleting again having seen the update resolves it as deleted", arguments: [F.account, F.visit])
    func deleteAgainResolves(type: RecordTypeID) throws {
        var (hub, devices, id) = try concurrentDelete(type: type)
        try devices[1].delete(id, at: F.noon)
        try hub.syncAll(&devices)
        let view = try #require(hub.view(id))
        #expect(view.isDeleted == true)
        #expect(view.deleteConflict == nil)
        #expect(hub.records[id]?.tombstones.count == 1)
    }

    @Test("Editing then deleting on one device is not a conflict with itself")
    func ownUpdateThenDelete() throws {
        var (hub, devices) = F.hub(devices: 2)
        let id = F.record(30)
        try devices[0].create(id, type: F.account, fields: [name: .string("x")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[0].update(id, fields: [phone: .string("9")], at: F.noon)
        try hub.sync(&devices[0])  // the update is stamped, but device 0 has not pulled yet
        try devices[0].delete(id, at: F.noon)
        try hub.syncAll(&devices)
        #expect(hub.view(id)?.isDeleted == true)
        #expect(hub.view(id)?.deleteConflict == nil)
        #expect(throws: MergeError.recordDeleted(id)) { try devices[1].update(id, fields: [name: .null], at: F.noon) }
    }
}

@Suite("Tombstone collection and rebootstrap")
struct GarbageCollectionTests {
    @Test("A tombstone every device has seen is collected on the hub and on the devices")
    func collectOnceSeen() throws {
        var (hub, devices) = F.hub(devices: 3)
        let gone = F.record(40)
        let kept = F.record(41)
        try devices[0].create(gone, type: F.account, fields: [name: .string("old")], at: F.noon)
        try devices[0].create(kept, type: F.account, fields: [name: .string("live")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[1].delete(gone, at: F.noon)
        try hub.sync(&devices[1])
        // Device 2 has not seen the delete: nothing may be collected yet.
        var report = hub.collectGarbage(now: F.noon, horizon: 30 * F.day)
        #expect(report.collected.isEmpty)
        #expect(hub.records[gone] != nil)
        try hub.syncAll(&devices)  // everyone pulls the tombstone
        try hub.syncAll(&devices)  // and acknowledges it
        report = hub.collectGarbage(now: F.noon, horizon: 30 * F.day)
        #expect(report.collected == [gone])
        #expect(report.evicted.isEmpty)
        #expect(hub.records[gone] == nil && hub.records[kept] != nil)
        try hub.syncAll(&devices)
        for device in devices {
            #expect(device.base == hub.records)
            #expect(device.gcFloor == hub.gcFloor)
        }
    }

    @Test("A device offline past the horizon is told to rebootstrap, and its stale write is refused visibly")
    func rebootstrapAfterHorizon() throws {
        var (hub, devices) = F.hub(devices: 3)
        let id = F.record(50)
        try devices[0].create(id, type: F.visit, fields: [name: .string("visit")], at: F.noon)
        try hub.syncAll(&devices)
        // Device 2 goes offline and edits the visit.
        try devices[2].update(id, fields: [name: .string("offline edit")], at: F.noon)
        try devices[0].delete(id, at: F.noon)
        // Devices 0 and 1 receive the delete and acknowledge it on their next push.
        for _ in 0..<2 {
            try hub.sync(&devices[0], now: F.noon)
            try hub.sync(&devices[1], now: F.noon)
        }
        // 31 days later, the horizon (30 days) has passed for device 2.
        let later = F.noon.adding(milliseconds: 31 * F.day)
        let report = hub.collectGarbage(now: later, horizon: 30 * F.day)
        #expect(report.collected == [id])
        #expect(report.evicted == [devices[2].id])
        #expect(try hub.changes(for: devices[2].id, since: devices[2].watermark) == .rebootstrapRequired(floor: hub.gcFloor))
        #expect(try hub.receive(devices[2].pushRequest(), now: later) == .rebootstrapRequired(floor: hub.gcFloor))
        // Rebootstrap, then push: the edit to the collected record comes back refused.
        try devices[2].rebootstrap(from: hub.snapshot(for: devices[2].id))
        let result = try hub.receive(devices[2].pushRequest(), now: later)
        #expect(result == .processed([.refused(counter: 1, reason: .recordCollected)]))
        devices[2].handle(result)
        #expect(devices[2].pending.isEmpty)
        #expect(devices[2].rejected.map(\.reason) == [.recordCollected])
        #expect(devices[2].rejected.first?.write.operation == .update(fields: [name: .string("offline edit")]))
        try hub.syncAll(&devices, now: later)
        for device in devices { #expect(device.base == hub.records) }
        #expect(hub.records[id] == nil)
    }

    @Test("A new device after collection bootstraps from a snapshot")
    func newDeviceBootstraps() throws {
        var (hub, devices) = F.hub(devices: 1)
        try devices[0].create(F.record(60), type: F.account, fields: [name: .string("a")], at: F.noon)
        try devices[0].create(F.record(61), type: F.account, fields: [name: .string("b")], at: F.noon)
        try hub.syncAll(&devices)
        try devices[0].delete(F.record(60), at: F.noon)
        try hub.syncAll(&devices)
        try hub.syncAll(&devices)
        #expect(hub.collectGarbage(now: F.noon, horizon: F.day).collected == [F.record(60)])
        let newcomer = F.device(9)
        hub.register(device: newcomer)
        var fresh = DeviceReplica(id: newcomer, hub: F.hubID, schema: F.schema)
        #expect(try hub.changes(for: newcomer, since: 0) == .rebootstrapRequired(floor: hub.gcFloor))
        try hub.sync(&fresh)
        #expect(fresh.base == hub.records)
        #expect(fresh.base.keys.sorted() == [F.record(61)])
    }
}

@Suite("Delivery faults")
struct DeliveryTests {
    @Test("Duplicated, reordered and gapped pushes apply each write exactly once")
    func idempotentPush() throws {
        var (hub, devices) = F.hub(devices: 1)
        let id = F.record(70)
        let w1 = try devices[0].create(id, type: F.account, fields: [name: .string("1")], at: F.noon)
        let w2 = try devices[0].update(id, fields: [name: .string("2")], at: F.noon)
        let w3 = try devices[0].update(id, fields: [phone: .string("3")], at: F.noon)
        let device = devices[0].id
        let gap = try hub.receive(PushRequest(device: device, watermark: 0, writesThrough: 3, writes: [w3]), now: F.noon)
        #expect(gap == .processed([.deferred(counter: 3, expected: 1)]))
        _ = try hub.receive(PushRequest(device: device, watermark: 0, writesThrough: 3, writes: [w2, w1]), now: F.noon)
        let again = try hub.receive(PushRequest(device: device, watermark: 0, writesThrough: 3, writes: [w1, w3, w2]), now: F.noon)
        #expect(again == .processed([.duplicate(counter: 1), .duplicate(counter: 2), .accepted(counter: 3, stamp: Dot(replica: F.hubID, counter: 3))]))
        #expect(hub.counter == 3)
        #expect(hub.view(id)?.values == [name: .string("2"), phone: .string("3")])
    }

    @Test("A change batch split into parts completes only when every part arrived")
    func splitBatch() throws {
        var (hub, devices) = F.hub(devices: 2)
        for n in 0..<5 {
            try devices[0].create(F.record(80 + UInt64(n)), type: F.account, fields: [name: .int(Int64(n))], at: F.noon)
        }
        try hub.sync(&devices[0])
        guard case .changes(let batch) = try hub.changes(for: devices[1].id, since: 0) else {
            Issue.record("expected changes")
            return
        }
        let parts = batch.parts(maxRecords: 2)
        #expect(parts.count == 3)
        #expect(try devices[1].apply(parts[2]) == false)
        #expect(try devices[1].apply(parts[0]) == false)
        #expect(devices[1].watermark == 0)
        #expect(try devices[1].apply(parts[2]) == false)  // duplicate
        #expect(try devices[1].apply(parts[1]) == true)
        #expect(devices[1].watermark == hub.counter)
        #expect(devices[1].base == hub.records)
    }
}

@Suite("Compact causal metadata")
struct MetadataTests {
    @Test("10,000 devices writing one record through the hub leave ≤ 64 bytes of causal metadata")
    func boundedMetadata() throws {
        var hub = Hub(id: F.hubID, schema: F.schema)
        let id = F.record(90)
        let fields = (1...6).map { F.field($0) }
        let creator = F.device(0)
        hub.register(device: creator)
        var first = DeviceReplica(id: creator, hub: F.hubID, schema: F.schema)
        try first.create(id, type: F.account, fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, .null) }), at: F.noon)
        try hub.sync(&first)
        var largest = 0
        for n in 1...10_000 {
            let deviceID = F.device(UInt32(n))
            hub.register(device: deviceID)
            // The device receives the record from the hub and writes one field.
            var device = DeviceReplica(id: deviceID, hub: F.hubID, schema: F.schema)
            guard case .changes(let batch) = try hub.changes(for: deviceID, since: 0) else { throw MergeError.notASnapshot }
            try device.apply(batch)
            try device.update(id, fields: [fields[n % fields.count]: .int(Int64(n))], at: F.noon)
            _ = try hub.receive(device.pushRequest(), now: F.noon)
            largest = max(largest, CausalMetadata.byteCount(of: try #require(hub.records[id])))
        }
        let record = try #require(hub.records[id])
        #expect(record.context.entries.count == 1)
        #expect(largest <= 64)
        #expect(CausalMetadata.byteCount(of: record) <= 64)
        #expect(hub.view(id)?.values[fields[10_000 % 6]] == .int(10_000))
    }

    @Test("Record ids round-trip through their 16 bytes")
    func recordIDBytes() throws {
        let id = RecordID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)
        #expect(try RecordID(bytes: id.bytes) == id)
        #expect(throws: MergeError.invalidRecordID(byteCount: 3)) { try RecordID(bytes: [1, 2, 3]) }
    }
}
