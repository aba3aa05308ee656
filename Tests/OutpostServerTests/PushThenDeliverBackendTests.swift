import Foundation
import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import StoreTestSupport
import Testing

/// A steady sync reads its delivery's first step inside the push's transaction (on
/// SQLite, inside the group commit's savepoint): on every backend that step must show
/// the ledger as the push left it.
@Suite("A steady sync's first step, read with its push, on each backend")
struct PushThenDeliverBackendTests {
    @Test("The cursor a steady sync reaches covers the write it pushed, and the write is delivered to no one twice",
          arguments: StoreBackend.allCases)
    func steady(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.steady(store) }
    }

    static func steady<Store: HubStore>(_ store: Store) async throws {
        let territory = Territory(name: "North")
        try await store.addTerritory(territory)
        let user = User(name: "rep-steady", displayName: "Rep Steady", role: .rep, territoryIDs: [territory.id])
        let number = try await store.enrolDevice(for: user, label: "tablet").number
        let hub = SyncHub(ledger: store.hubLedger, limits: HubLimits(maxWritesPerRequest: 1000, burst: .max, requestsPerSecond: 1))
        var device = SimulatedDevice(number: number)
        let time = WallClock(milliseconds: 1_780_000_000_000)

        let account = Account(territoryID: territory.id, name: "Steady")
        device.write(account.recordID, .create(type: ReplicatedKind.account.typeID, fields: account.fields), at: time)
        _ = try await sync(&device, hub: hub)
        #expect(device.cursor.watermark > 0, "the next sync is a steady one")

        let name = try #require(ReplicatedKind.account.fieldID(named: "name"))
        let rename = device.write(account.recordID, .update(fields: [name: .string("Steadier")]), at: time)
        let (outcome, steps) = try await sync(&device, hub: hub)
        let result = try #require(outcome.outcomes.first { $0.counter == rename.dot.counter }).result
        guard case .accepted(let stamp) = result else {
            Issue.record("the rename was refused: \(result)")
            return
        }
        #expect(steps == 1)
        #expect(device.cursor.watermark >= stamp, "the step was read before the push it answers")
        let (_, again) = try await sync(&device, hub: hub)
        #expect(again == 1 && device.pending.isEmpty)
        #expect(device.localState(of: account.recordID)?.view(policy: .updateWins).values[name] == .string("Steadier"))
    }

    /// One sync of `device`: its outcome and the steps it applied.
    private static func sync<Ledger: SyncLedger>(_ device: inout SimulatedDevice, hub: SyncHub<Ledger>) async throws
        -> (outcome: PushOutcome, steps: Int) {
        let request = device.nextRequest()
        let enrolled = try await hub.device(number: device.number)
        let asked = DeviceRequest(device: enrolled, counter: request.counter, cursor: request.cursor, writes: request.writes)
        guard case .applied(let report, var delivery) = try await hub.pushThenDeliver(asked, now: Date()) else {
            throw RequestRefusal.unknownDevice(device.number)
        }
        #expect(!delivery.isFinished, "a step read ahead is still to be taken")
        var steps = 0
        while let step = try await delivery.next() {
            try device.apply(step)
            steps += 1
        }
        return (report.outcome, steps)
    }
}
