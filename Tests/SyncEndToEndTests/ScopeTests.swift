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
        try await LiveHub.with { hub, company in
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
    }

    @Test("A visit logged offline at an account of a territory reassigned away meanwhile is accepted, then leaves the replica")
    func offlineWorkSurvivesReassignment() async throws {
        try await LiveHub.with { hub, company in
            let rep = try await hub.bootstrapped(company.repNorth)
            let account = company.accounts(in: company.north)[0]
            let visit = Activity(kind: .visit, subject: "Visit before the reassignment", day: try CalendarDay(year: 2026, month: 12, day: 1),
                                 accountID: account.id, ownerID: company.repNorth.id)
            try rep.create(visit)
            var renamed = account
            renamed.name = "Renamed offline"
            let name = try #require(ReplicatedKind.account.fieldID(named: "name"))
            try rep.update(RecordID(account.id), fields: [name: try #require(renamed.fields[name])])

            try await hub.store.assign(company.repNorth.id, to: [company.south.id])
            let report = try await sync(rep)
            #expect(report.accepted == 2 && report.rejected == 0, "offline work made in the old scope was refused")
            let stored = try await hub.store.snapshot { try $0.record(RecordID(visit.id)) }
            #expect(stored != nil, "the visit never reached the server")
            #expect(try rep.record(RecordID(visit.id)) == nil && rep.record(RecordID(account.id)) == nil, "the old territory's records stayed")

            // Once the device has its new scope, it writes there as usual (refusals in the old
            // territory are proven by the star schedules' scope check).
            let late = Activity(kind: .call, subject: "Too late", day: try CalendarDay(year: 2026, month: 12, day: 2),
                                accountID: company.accounts(in: company.south)[0].id, ownerID: company.repNorth.id)
            try rep.create(late)
            #expect(try await sync(rep).accepted == 1)
        }
    }

    @Test("Moving a territory out of a manager's subtree evicts it from the manager's device")
    func territoryMove() async throws {
        try await LiveHub.with { hub, company in
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
}
