import FieldClient
import Foundation
import HubCore
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Testing

@Suite("Scope enforcement against a hostile device, end to end", .serialized)
struct ScopeEnforcementTests {
    /// Everything the server's domain tables hold that a device could write, for before/after comparisons.
    struct Snapshot: Equatable {
        var accounts: [Account]
        var contacts: [Contact]
        var opportunities: [Opportunity]
        var products: [Product]
        /// The hub's merge states, in delivery order, with their sequence values.
        var states: [RecordState]
        var stateSequences: [UInt64]
        var sequence: Int64

        init(_ store: SQLiteStore) async throws {
            accounts = try await store.accounts(in: nil).sorted { $0.id.uuid.uuidString < $1.id.uuid.uuidString }
            contacts = try await store.contacts(of: nil).sorted { $0.id.uuid.uuidString < $1.id.uuid.uuidString }
            opportunities = try await store.opportunities(of: nil).sorted { $0.id.uuid.uuidString < $1.id.uuid.uuidString }
            products = try await store.products()
            let territories = Set(try await store.territories().map(\.id))
            let page = try await store.snapshot { try $0.records(RecordSelection(territories: territories, includeGlobal: true),
                                                                 after: 0, through: nil, limit: 100_000) }
            states = page.map(\.state)
            stateSequences = page.map(\.seq)
            sequence = try await store.currentChangeSequence()
        }

        /// The snapshot without the change sequence (refused writes still number their decision).
        var records: Snapshot {
            var copy = self
            copy.sequence = 0
            return copy
        }
    }

    static func field(_ kind: ReplicatedKind, _ name: String) throws -> FieldID { try #require(kind.fieldID(named: name)) }

    @Test("Writes into another territory or to read-only kinds are refused with reasons and change nothing")
    func foreignWrites() async throws {
        try await LiveHub.with { hub, company in
            let replica = try await hub.bootstrapped(company.repNorth)
            let device = HostileDevice(replica: replica, hub: hub)
            let before = try await Snapshot(hub.store)

            let southAccount = company.accounts(in: company.south)[0]
            let southContact = try #require(company.contacts.first { $0.accountID == southAccount.id })
            let northAccount = company.accounts(in: company.north)[0]
            var moved = northAccount
            moved.territoryID = company.south.id
            let territoryField = try Self.field(.account, "territory_id")
            let intruder = Contact(accountID: southAccount.id, firstName: "In", lastName: "Truder")
            let cheap = Product(sku: "FREE-1", name: "Free lunch", basePrice: Money(minorUnits: 0, currency: .eur))
            let writes = [
                try device.write(1, RecordID(southAccount.id), .update(fields: [try Self.field(.account, "city"): .string("Hacked")])),
                try device.write(2, RecordID(southContact.id), .delete),
                try device.write(3, RecordID(intruder.id), .create(type: ReplicatedKind.contact.typeID, fields: intruder.fields)),
                try device.write(4, RecordID(northAccount.id), .update(fields: [territoryField: try #require(moved.fields[territoryField])])),
                try device.write(5, RecordID(cheap.id), .create(type: ReplicatedKind.product.typeID, fields: cheap.fields)),
                try device.write(6, RecordID(company.product.id), .update(fields: [try Self.field(.product, "name"): .string("Mine")])),
                try device.write(7, RecordID(northAccount.id), .create(type: ReplicatedKind.lead.typeID, fields: [:])),
                try device.write(8, RecordID(company.north.id), .update(fields: [try Self.field(.territory, "name"): .string("Mine")])),
                // Its own account, but deleted "having seen" hub changes that do not exist yet.
                try device.write(9, RecordID(northAccount.id), .delete,
                                 context: VersionVector([Dot(replica: ReplicaID.hub, counter: 1 << 40)])),
            ]
            let frames = try await device.push(writes).get()
            let outcome = try #require(frames.last?.outcome)
            #expect(outcome.appliedThrough == 9 && outcome.acks.isEmpty)
            let codes = Dictionary(uniqueKeysWithValues: outcome.refusals.map { ($0.counter, $0.code) })
            #expect(codes == [1: .outOfScope, 2: .outOfScope, 3: .outOfScope, 4: .outOfScope, 5: .readOnly, 6: .readOnly,
                              7: .idTaken, 8: .readOnly, 9: .invalid])
            #expect(outcome.refusals.allSatisfy { !$0.message.isEmpty })
            #expect(try await Snapshot(hub.store).records == before.records)

            // The same device's own territory is still writable in the same way.
            let own = try await device.push([try device.write(10, RecordID(northAccount.id),
                                                              .update(fields: [try Self.field(.account, "city"): .string("Kiel")]))]).get()
            #expect(own.last?.outcome?.acks.map(\.counter) == [10])
            #expect(try await hub.store.accounts(in: [company.north.id]).contains { $0.city == "Kiel" })
        }
    }

    @Test("A device holds only records of its territories and global ones")
    func readsStayInScope() async throws {
        try await LiveHub.with { hub, company in
            let replica = try await hub.bootstrapped(company.repNorth)
            let north = Set(company.accounts(in: company.north).map(\.id))
            #expect(Set(try replica.records(of: .account).map { AccountID($0.id) }) == north)
            #expect(Set(try replica.records(of: .contact).map(\.id)) == Set(company.contacts.filter { north.contains($0.accountID) }.map { RecordID($0.id) }))
            #expect(Set(try replica.records(of: .opportunity).map(\.id))
                    == Set(company.opportunities.filter { north.contains($0.accountID) }.map { RecordID($0.id) }))
            #expect(try replica.records(of: .product).count == 1)
        }
    }

    @Test("An account moved to another territory takes its contacts along: the old territory's devices evict them")
    func movedAccount() async throws {
        try await LiveHub.with { hub, company in
            let north = try await hub.enrol(company.repNorth)
            let south = try await hub.enrol(company.repSouth)
            let boss = try await hub.enrol(company.manager)
            for replica in [north, south, boss] { _ = try await sync(replica) }

            let account = company.accounts(in: company.north)[0]
            let contacts = company.contacts.filter { $0.accountID == account.id }.map { RecordID($0.id) }
            var moved = account
            moved.territoryID = company.south.id
            let territoryField = try Self.field(.account, "territory_id")
            try boss.update(RecordID(account.id), fields: [territoryField: try #require(moved.fields[territoryField])])
            #expect(try await sync(boss).accepted == 1)
            // After the move, the manager edits one of the account's contacts.
            let phone = try Self.field(.contact, "phone")
            try boss.update(contacts[0], fields: [phone: .string("+49 89 123")])
            #expect(try await sync(boss).accepted == 1)

            _ = try await sync(north)
            _ = try await sync(south)
            #expect(try north.record(RecordID(account.id)) == nil, "the old territory's device still holds the moved account")
            #expect(try contacts.allSatisfy { try north.record($0) == nil }, "the old territory's device still holds a moved contact")
            #expect(Set(try south.records(of: .contact).map(\.id)).isSuperset(of: contacts))
            #expect(try south.record(contacts[0])?.view.values[phone] == .string("+49 89 123"))
            #expect(try south.record(RecordID(account.id)) != nil)
            // The manager, whose scope holds both territories, keeps everything.
            _ = try await sync(boss)
            #expect(try boss.record(RecordID(account.id)) != nil && boss.record(contacts[1]) != nil)
            // And the old territory's rep can no longer change them: the device no longer has them.
            #expect(throws: ReplicaError.self) { try north.update(contacts[1], fields: [phone: .string("+49 40 999")]) }
        }
    }
}
