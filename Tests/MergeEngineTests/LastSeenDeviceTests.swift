import Foundation
import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing

/// A sync request is opened with the device as the hub last read it; its push must
/// decide on the device as the push's own transaction reads it.
@Suite("The shipped hub: a push decides on the device as its transaction reads it")
struct LastSeenDeviceTests {
    @Test("A device revoked after the hub last read it is told to wipe by its very next push, and nothing of it is applied")
    func revokedSinceLastRead() async throws {
        var harness = HubHarness(devices: 1)
        try await harness.syncAll()
        let number = harness.devices[0].number
        let copy = try await harness.hub.lastSeenDevice(number: number)
        #expect(!copy.device.isRevoked)
        harness.ledger.revoke(number, at: harness.now)

        let account = harness.account("after revocation")
        let write = harness.create(account, on: 0, at: Fixture.noon)
        let request = DeviceRequest(device: copy, counter: copy.lastCounter + 1, cursor: harness.devices[0].cursor, writes: [write])
        guard case .revoked = try await harness.hub.pushThenDeliver(request, now: harness.now) else {
            Issue.record("a revoked device's push was applied")
            return
        }
        #expect(try await harness.state(account.recordID) == nil)
        #expect(try await harness.hub.lastSeenDevice(number: number).device.isRevoked, "the push's read is the one kept")
    }

    @Test("A request opened with a copy older than the device's last counter is refused as a replay naming the stored counter")
    func staleCounter() async throws {
        var harness = HubHarness(devices: 1)
        let number = harness.devices[0].number
        let copy = try await harness.hub.device(number: number)
        try await harness.syncAll()
        let last = try #require(harness.ledger.device(number)?.lastCounter)
        #expect(last > copy.lastCounter + 1)

        let request = DeviceRequest(device: copy, counter: copy.lastCounter + 1, cursor: .start, writes: [])
        await #expect(throws: RequestRefusal.replayed(last: last)) { _ = try await harness.hub.push(request, now: harness.now) }
    }

    @Test("A request opened with another key than the device's is refused as from an unknown device, and changes nothing")
    func otherKey() async throws {
        var harness = HubHarness(devices: 1)
        let number = harness.devices[0].number
        var copy = try await harness.hub.device(number: number)
        copy.device.publicKey = [2]
        let write = harness.create(harness.account("forged"), on: 0, at: Fixture.noon)

        let request = DeviceRequest(device: copy, counter: copy.lastCounter + 1, cursor: .start, writes: [write])
        await #expect(throws: RequestRefusal.unknownDevice(number)) { _ = try await harness.hub.push(request, now: harness.now) }
        #expect(harness.ledger.device(number)?.lastCounter == copy.lastCounter)
        #expect(try await harness.state(write.record) == nil)
    }

    @Test("The number of writes is checked against the device as read in the push: a revoked device's many writes are not refused but wiped")
    func manyWritesOfRevokedDevice() async throws {
        var harness = HubHarness(devices: 1, maxWritesPerRequest: 1)
        let number = harness.devices[0].number
        let copy = try await harness.hub.device(number: number)
        let writes = (0..<2).map { harness.create(harness.account("many \($0)"), on: 0, at: Fixture.noon) }
        let request = DeviceRequest(device: copy, counter: copy.lastCounter + 1, cursor: .start, writes: writes)
        await #expect(throws: RequestRefusal.tooManyWrites(count: 2, limit: 1)) { _ = try await harness.hub.push(request, now: harness.now) }
        #expect(harness.ledger.device(number)?.lastCounter == copy.lastCounter, "a refused request changes nothing")

        harness.ledger.revoke(number, at: harness.now)
        guard case .revoked = try await harness.hub.push(request, now: harness.now) else {
            Issue.record("a revoked device's push was applied")
            return
        }
    }
}
