import Foundation
import HubCore
import OutpostModel
import OutpostStore
import StoreTestSupport
import Testing

/// The hub looks a device up on every sync, on every backend: what it reads must be the
/// rows as they are at that moment, nothing remembered from an earlier sync.
@Suite("The hub's device lookup, on each backend")
struct DeviceLookupTests {
    @Test("A device reads with its user, the user's territories in their order and its counters; a revocation shows at once",
          arguments: StoreBackend.allCases)
    func lookup(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.lookup(store) }
    }

    static func lookup<Store: HubStore>(_ store: Store) async throws {
        let (north, south) = (Territory(name: "North"), Territory(name: "South"))
        try await store.addTerritory(north)
        try await store.addTerritory(south)
        // Not in the territories' order of creation, nor of their ids.
        let order = north.id.description < south.id.description ? [south.id, north.id] : [north.id, south.id]
        let user = User(name: "rep-lookup", displayName: "Rep Lookup", role: .rep, territoryIDs: order)
        let number = try await store.enrolDevice(for: user, publicKey: [7, 8], label: "tablet").number
        let ledger = store.hubLedger

        let enrolled = try #require(try await ledger.snapshot { try $0.device(number: number) })
        #expect(enrolled.user == user)
        #expect(enrolled.device.label == "tablet")
        #expect(enrolled.device.publicKey == [7, 8])
        #expect(enrolled.device.userID == user.id)
        #expect(!enrolled.device.isRevoked)
        #expect(enrolled.lastCounter == 0)

        #expect(try await ledger.transaction { try $0.advanceCounter(device: number, to: 3, at: Date()) })
        #expect(try await ledger.snapshot { try $0.device(number: number)?.lastCounter } == 3)

        try await store.revokeDevice(enrolled.device.id, at: Date())
        #expect(try await ledger.snapshot { try $0.device(number: number)?.device.isRevoked } == true)
        #expect(try await ledger.snapshot { try $0.device(number: number &+ 1000) } == nil)
    }
}
