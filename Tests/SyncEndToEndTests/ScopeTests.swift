import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SyncListener
import TestSupport
import Testing

@Suite("Scope changes, end to end", .serialized)
struct ScopeTests {
    @Test("Reassigning a rep evicts the old territory's records and backfills the new one's at the next sync")
    func reassignment() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let company = hub.company
        let rep = try await hub.bootstrapped(company.repNorth)
        let north = Set(company.accounts(in: company.north).map { RecordID($0.id) })
        #expect(Set(try rep.records(of: .account).map(\.id)) == north)

        try await hub.store.assign(company.repNorth.id, to: [company.south.id])
        let report = try await sync(rep)
        let south = Set(company.accounts(in: company.south).map { RecordID($0.id) })
        #expect(Set(try rep.records(of: .account).map(\.id)) == south)
        #expect(try rep.counts()[.contact] == 6 && rep.counts()[.opportunity] == 3)
        #expect(report.evicted == 3 + 6 + 3)

        // And back: the scope grows again and is backfilled.
        try await hub.store.assign(company.repNorth.id, to: [company.south.id, company.north.id])
        _ = try await sync(rep)
        #expect(Set(try rep.records(of: .account).map(\.id)) == north.union(south))
    }

    @Test("Moving a territory out of a manager's subtree evicts it from the manager's device")
    func territoryMove() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let company = hub.company
        let boss = try await hub.bootstrapped(company.manager)
        #expect(try boss.counts()[.account] == 6)
        var asia = RecordBatch()
        asia.territories = [Territory(name: "Asia")]
        try await hub.store.insert(asia)
        try await hub.store.moveTerritory(company.north.id, under: asia.territories[0].id)
        _ = try await sync(boss)
        #expect(Set(try boss.records(of: .account).map(\.id)) == Set(company.accounts(in: company.south).map { RecordID($0.id) }))
    }
}
