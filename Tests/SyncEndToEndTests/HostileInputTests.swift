import ClientTransport
@testable import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SodiumKit
import SyncChannel
import SyncListener
import TestSupport
import Testing

@Suite("Hostile input, end to end", .serialized)
struct HostileInputTests {
    @Test("Unknown versions, unknown kinds, truncated and unknown-device requests get a clear error frame")
    func malformed() async throws {
        try await LiveHub.with { hub async throws in
            #expect(errorCode(try await sendRaw([0x02, 0x01, 0x01, 0x01], to: hub)) == .unknownVersion)
            #expect(errorCode(try await sendRaw([0x01, 0x09], to: hub)) == .unknownMessage)
            #expect(errorCode(try await sendRaw([0x01, 0x01, 0x05], to: hub)) == .truncated)
            #expect(errorCode(try await sendRaw([0x01, 0x01, 0x63, 0x01] + Array(repeating: 0, count: 28), to: hub)) == .authenticationFailed)
        }
    }

    @Test("A tampered request is refused, a replayed one too, and neither changes anything")
    func tamperedAndReplayed() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            try rep.update(account, fields: [try #require(ReplicatedKind.account.fieldID(named: "city")): .string("Kiel")])

            let (sealed, _, _) = try HostileDevice(replica: rep, hub: hub).seal(try rep.pendingWrites())
            var tampered = sealed
            tampered[tampered.count - 20] ^= 0x01
            #expect(errorCode(try await sendRaw(tampered, to: hub)) == .authenticationFailed)
            #expect(try await hub.store.accounts(in: [hub.company.north.id]).contains { $0.city == "Kiel" } == false)

            let first = try await sendRaw(sealed, to: hub)
            #expect(errorCode(first) == nil && !first.isEmpty)
            #expect(try await hub.store.accounts(in: [hub.company.north.id]).contains { $0.city == "Kiel" })
            #expect(isBehindAnswer(try await sendRaw(sealed, to: hub)))
        }
    }
}
