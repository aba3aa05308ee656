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

@Suite("Offline edits converge, end to end", .serialized)
struct ConvergenceTests {
    /// Field ids by name, from the replicated schema.
    static func field(_ kind: ReplicatedKind, _ name: String) throws -> FieldID {
        try #require(kind.fieldID(named: name))
    }

    @Test("Offline edits on three devices, synced in different orders, converge everywhere and on the server")
    func convergence() async throws {
        try await LiveHub.with { hub, company in
            let north1 = try await hub.enrol(company.repNorth, name: "n1")
            let north2 = try await hub.enrol(company.repNorth, name: "n2")
            let boss = try await hub.enrol(company.manager)
            for replica in [north1, north2, boss] { _ = try await sync(replica) }

            let account = RecordID(company.accounts(in: company.north)[0].id)
            let phone = try Self.field(.account, "phone")
            let city = try Self.field(.account, "city")
            let industry = try Self.field(.account, "industry")
            try north1.update(account, fields: [phone: .string("+49 40 111")])
            try north2.update(account, fields: [city: .string("Lübeck")])
            try boss.update(account, fields: [industry: .string("Shipping")])
            let contact = Contact(accountID: company.accounts(in: company.north)[1].id, firstName: "Neu", lastName: "Kontakt")
            try north2.create(contact)

            // Different orders, then a second round so everyone sees everything.
            for replica in [boss, north2, north1, north1, boss, north2] { _ = try await sync(replica) }

            let views = try [north1, north2, boss].map { try #require(try $0.record(account)).view }
            #expect(views[0] == views[1] && views[1] == views[2])
            #expect(views[0].values[phone] == .string("+49 40 111") && views[0].values[city] == .string("Lübeck")
                    && views[0].values[industry] == .string("Shipping"))
            #expect(try north1.record(RecordID(contact.id)) != nil && boss.record(RecordID(contact.id)) != nil)
            // The server's own tables hold the merged account and the new contact once.
            let stored = try await hub.store.accounts(in: [company.north.id]).first { $0.id == company.accounts(in: company.north)[0].id }
            #expect(stored?.phone == "+49 40 111" && stored?.city == "Lübeck" && stored?.industry == "Shipping")
            #expect(try await hub.store.contacts(of: [contact.accountID]).filter { $0.id == contact.id }.count == 1)
            #expect(try north1.pendingWrites().isEmpty && north2.pendingWrites().isEmpty && boss.pendingWrites().isEmpty)
        }
    }

    @Test("Concurrent edits of one field show the same conflict, the same winner, on every device")
    func conflict() async throws {
        try await LiveHub.with { hub, company in
            let rep = try await hub.bootstrapped(company.repNorth)
            let boss = try await hub.bootstrapped(company.manager)
            let account = RecordID(company.accounts(in: company.north)[2].id)
            let phone = try Self.field(.account, "phone")
            try rep.update(account, fields: [phone: .string("+49 40 222")])
            try boss.update(account, fields: [phone: .string("+49 40 333")])
            _ = try await sync(rep)
            let report = try await sync(boss)
            _ = try await sync(rep)
            #expect(report.conflicts == 1)
            let repView = try #require(try rep.record(account)).view
            let bossView = try #require(try boss.record(account)).view
            #expect(repView == bossView)
            #expect(repView.values[phone] == .string("+49 40 333"))  // accepted last by the hub
            #expect(repView.conflicts[phone]?.map(\.value) == [.string("+49 40 222")])

            // Resolving is a write that has seen both: the conflict disappears everywhere.
            try rep.update(account, fields: [phone: .string("+49 40 222")])
            _ = try await sync(rep)
            _ = try await sync(boss)
            #expect(try #require(try boss.record(account)).view.conflicts.isEmpty)
            #expect(try #require(try boss.record(account)).view.values[phone] == .string("+49 40 222"))
        }
    }

    @Test("Out-of-scope and invalid writes come back refused with a reason and stay visible")
    func refusals() async throws {
        try await LiveHub.with { hub, company in
            let rep = try await hub.bootstrapped(company.repNorth)
            // An account created in the South territory is outside rep.north's scope.
            try rep.create(Account(territoryID: company.south.id, name: "Sneaky GmbH"))
            let report = try await sync(rep)
            #expect(report.rejected == 1)
            let rejected = try rep.rejectedWrites()
            #expect(rejected.count == 1 && rejected[0].code == .outOfScope)
            #expect(try await hub.store.accounts(in: [company.south.id]).contains { $0.name == "Sneaky GmbH" } == false)
            #expect(try rep.pendingWrites().isEmpty)
        }
    }
}
