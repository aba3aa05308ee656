import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import Testing

@Suite("Several offline edits in one transaction")
struct ReplicaEditTests {
    @Test("Edits applied together all become pending writes, or none does when one is refused")
    func allOrNothing() async throws {
        try await LiveHub.with { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let account = hub.company.accounts(in: hub.company.north)[0]
            let first = Contact(accountID: account.id, firstName: "First", lastName: "Together")
            let city = try #require(ReplicatedKind.account.fieldID(named: "city"))

            #expect(throws: ReplicaError.self) {
                try replica.apply([.create(first), .update(RecordID(account.id), fields: [city: .string("Lübeck")]),
                                   .update(RecordID(Contact(accountID: account.id, firstName: "No", lastName: "One").id),
                                           fields: [city: .string("x")])])
            }
            #expect(try replica.pendingWrites().isEmpty)
            #expect(try replica.record(RecordID(first.id)) == nil)

            let writes = try replica.apply([.create(first), .update(RecordID(account.id), fields: [city: .string("Lübeck")])])
            #expect(writes.map(\.dot.counter) == [1, 2])
            #expect(try replica.pendingWrites().count == 2)
            let report = try await sync(replica)
            #expect(report.accepted == 2 && report.rejected == 0)
            #expect(try await hub.store.accounts(in: nil).contains { $0.id == account.id && $0.city == "Lübeck" })
        }
    }
}
