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

@Suite("Bytes on the socket, end to end", .serialized)
struct ByteBudgetTests {
    @Test("Native TCP: an empty sync costs at most 64 bytes, one changed field at most 96, each on a fresh connection")
    func nativeTCP() async throws {
        try await measure(endpoint: nil, emptyBudget: 64, oneFieldBudget: 96)
    }

    @Test("HTTP POST: at most 200 and 300 bytes with the HTTP framing")
    func http() async throws {
        try await measure(endpoint: { $0.httpEndpoint }, emptyBudget: 200, oneFieldBudget: 300)
    }

    func measure(endpoint: ((LiveHub) -> String)?, emptyBudget: Int, oneFieldBudget: Int) async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.enrol(hub.company.repNorth)
            let chosen = endpoint?(hub)
            _ = try await sync(rep, endpoint: chosen)

            let empty = try await sync(rep, endpoint: chosen)
            #expect(empty.exchanges == 1)
            #expect(empty.bytesUp + empty.bytesDown <= emptyBudget, "empty sync: \(empty.bytesUp) up + \(empty.bytesDown) down")

            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            try rep.update(account, fields: [try #require(ReplicatedKind.account.fieldID(named: "phone")): .string("+49 40 5550")])
            let oneField = try await sync(rep, endpoint: chosen)
            #expect(oneField.accepted == 1 && oneField.exchanges == 1)
            #expect(oneField.bytesUp + oneField.bytesDown <= oneFieldBudget,
                    "one field: \(oneField.bytesUp) up + \(oneField.bytesDown) down")
            #expect(try await hub.store.accounts(in: [hub.company.north.id]).contains { $0.phone == "+49 40 5550" })
        }
    }
}
