import HubCore
import HubTestSupport
import MergeEngine
import StateCoding
import OutpostModel
import OutpostProtocol
import OutpostReplication
import Testing

private let name = HubHarness.field("name")
private let phone = HubHarness.field("phone")

extension HubHarness {
    /// The hub's view of `record`, once every device is expected to hold the same view.
    fileprivate func convergedView(of record: RecordID) async throws -> RecordView {
        let view = try #require(try await state(record)).view(policy: .updateWins)
        for device in devices { #expect(device.localState(of: record)?.view(policy: .updateWins) == view) }
        return view
    }
}

@Suite("The shipped hub: causality beats wall clocks")
struct ClockSkewTests {
    @Test("A causally later write wins though its device clock is 24 h behind")
    func laterWriteWinsWithClockBehind() async throws {
        var harness = HubHarness(devices: 2)
        let account = harness.account("Acme")
        harness.create(account, on: 0, at: Fixture.noon)
        try await harness.syncAll()
        harness.devices[1].write(account.recordID, .update(fields: [name: .string("Acme Corp")]), at: Fixture.noon.adding(milliseconds: -Fixture.day))
        try await harness.syncAll()
        let view = try await harness.convergedView(of: account.recordID)
        #expect(view.values[name] == .string("Acme Corp"))
        #expect(view.conflicts.isEmpty)
    }

    @Test("Among concurrent writes the hub's acceptance order wins, not the device clock; the loser stays visible")
    func concurrentWinnerIgnoresClocks() async throws {
        var harness = HubHarness(devices: 2)
        let account = harness.account("A")
        harness.create(account, on: 0, at: Fixture.noon)
        try await harness.syncAll()
        harness.devices[0].write(account.recordID, .update(fields: [name: .string("future")]), at: Fixture.noon.adding(milliseconds: Fixture.day))
        harness.devices[1].write(account.recordID, .update(fields: [name: .string("past")]), at: Fixture.noon.adding(milliseconds: -Fixture.day))
        try await harness.sync(0)
        try await harness.sync(1)  // accepted last
        try await harness.syncAll()
        let view = try await harness.convergedView(of: account.recordID)
        #expect(view.values[name] == .string("past"))
        #expect(view.conflicts[name]?.map(\.value) == [.string("future")])
    }

    @Test("A device's own successive offline writes never conflict with each other")
    func ownWritesDoNotConflict() async throws {
        var harness = HubHarness(devices: 2)
        let account = harness.account("one")
        harness.create(account, on: 0, at: Fixture.noon)
        harness.devices[0].write(account.recordID, .update(fields: [name: .string("two")]), at: Fixture.noon)
        harness.devices[0].write(account.recordID, .update(fields: [name: .string("three")]), at: Fixture.noon)
        try await harness.syncAll()
        let view = try await harness.convergedView(of: account.recordID)
        #expect(view.values[name] == .string("three"))
        #expect(!view.hasConflicts)
    }
}

@Suite("The shipped hub: delivery faults")
struct DeliveryFaultTests {
    @Test("Writes apply once and in order: a gap waits, a retried request meets the stored outcome")
    func exactlyOnce() async throws {
        var harness = HubHarness(devices: 1)
        let account = harness.account("1")
        let create = harness.create(account, on: 0, at: Fixture.noon)
        let rename = harness.devices[0].write(account.recordID, .update(fields: [name: .string("2")]), at: Fixture.noon)
        let call = harness.devices[0].write(account.recordID, .update(fields: [phone: .string("3")]), at: Fixture.noon)
        #expect(try await harness.push(1, [call]).appliedThrough == 0, "a write after a gap waits")
        #expect(try await harness.push(2, [rename, create]).appliedThrough == 2)
        let again = try await harness.push(3, [create, call, rename])
        #expect(again.appliedThrough == 3)
        #expect(again.outcomes.map(\.result) == [.accepted(stamp: 1), .accepted(stamp: 2), .accepted(stamp: 3)])
        let view = try #require(try await harness.state(account.recordID)).view(policy: .updateWins)
        #expect(view.values[name] == .string("2") && view.values[phone] == .string("3"))
        await #expect(throws: RequestRefusal.replayed(last: 3)) { _ = try await harness.push(3, [call]) }
    }
}

@Suite("Compact causal metadata, as stored and sent")
struct MetadataTests {
    @Test("10,000 devices writing one record through the hub leave ≤ 64 bytes of causal metadata; stored and sent bytes do not grow")
    func boundedMetadata() async throws {
        var harness = HubHarness(devices: 1)
        let account = harness.account("Acme")
        let fields = ["name", "industry", "city", "country", "phone"].map(HubHarness.field)
        harness.create(account, on: 0, at: Fixture.noon)
        try await harness.sync(0)
        func sizes() async throws -> (metadata: Int, stored: Int, sent: Int) {
            let state = try #require(try await harness.state(account.recordID))
            let frame = SyncResponseFrame(cursor: .start, records: [FrameRecord(state, route: .territory(RecordID(harness.territory)))])
                .encoded(answering: .start, hub: ReplicaID.hub)
            return (CausalMetadata.byteCount(of: state), RecordStateCodec.encode(state).count, frame.count)
        }
        var first: (metadata: Int, stored: Int, sent: Int)?
        var largest = 0
        for n in 1...10_000 {
            let index = harness.enrolDevice()
            try await harness.sync(index)  // receives the record
            let value: FieldValue = fields[n % fields.count] == HubHarness.field("country") ? .string("DE") : .string("v\(n % 7)")
            harness.devices[index].write(account.recordID, .update(fields: [fields[n % fields.count]: value]), at: Fixture.noon)
            try await harness.sync(index)
            let now = try await sizes()
            if n == fields.count { first = now }
            largest = max(largest, now.metadata)
            if let first, n > fields.count {
                #expect(now.stored <= first.stored + 16, "the stored state grew with the number of devices")
                #expect(now.sent <= first.sent + 16, "the sent state grew with the number of devices")
            }
        }
        let state = try #require(try await harness.state(account.recordID))
        #expect(state.context.entries.count == 1)
        #expect(largest <= 64)
    }

    @Test("Record ids round-trip through their 16 bytes")
    func recordIDBytes() throws {
        let id = RecordID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210)
        #expect(try RecordID(bytes: id.bytes) == id)
        #expect(throws: MergeError.invalidRecordID(byteCount: 3)) { try RecordID(bytes: [1, 2, 3]) }
    }
}
