import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing

/// A steady sync reads its delivery's first step inside the push's transaction: that
/// step must show the ledger as the push left it.
@Suite("The shipped hub: a steady sync's first step, read with its push")
struct PushThenDeliverTests {
    @Test("The cursor a steady sync reaches covers its own accepted write, and another device's write pushed before it is delivered")
    func firstStepAfterPush() async throws {
        var harness = HubHarness(devices: 2)
        harness.create(harness.account("first"), on: 1, at: Fixture.noon)
        try await harness.syncAll()
        let watermark = harness.devices[0].cursor.watermark
        #expect(watermark > 0, "the next sync is a steady one")

        let other = harness.account("other")
        harness.create(other, on: 1, at: Fixture.noon)
        try await harness.sync(1)
        let own = harness.account("own")
        let write = harness.create(own, on: 0, at: Fixture.noon)
        let outcome = try #require(try await harness.sync(0))
        guard case .accepted(let stamp) = try #require(outcome.outcomes.first { $0.counter == write.dot.counter }).result else {
            Issue.record("the write was refused")
            return
        }
        #expect(harness.devices[0].cursor.watermark >= stamp, "the step was read before the push it answers")
        #expect(harness.devices[0].localState(of: other.recordID) != nil)
        #expect(harness.devices[0].localState(of: own.recordID) != nil)
    }
}
