@testable import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import Testing

@Suite("Refused changes stay whole on the device, with the real outpost", .serialized)
struct RejectedChangeTests {
    struct Listed: Decodable {
        struct Field: Decodable {
            let name: String
            let value: String
        }

        let change: UInt64
        let kind: String
        let recordName: String
        let operation: String
        let fields: [Field]
        let reason: String
        let message: String
    }

    @Test("A refused change keeps its kind, record name, values and reason through evictions; it exports, and goes only when discarded",
          .timeLimit(.minutes(5)))
    func refusedChangeStaysWhole() async throws {
        try await LiveHub.with { hub, company in
            let (rep, keyFile) = try await hub.keyFileDevice(company.repNorth)
            func outpost(_ arguments: [String]) async throws -> OutpostProcess.Run {
                try await OutpostProcess.run(arguments, replica: rep.folder, passphrase: nil, environment: keyFile)
            }
            // Refused: an account in a territory this rep does not work.
            try rep.create(Account(territoryID: company.europe.id, name: "Sneaky Vortex GmbH", city: "Kassel"))
            // Made while the account was in scope; the rep then moves to another territory,
            // so this sync also evicts the account.
            let north = company.accounts(in: company.north)[0]
            try rep.update(RecordID(north.id), fields: [try #require(ReplicatedKind.account.fieldID(named: "city")): .string("Evicted-Stadt")])
            try await hub.store.assign(company.repNorth.id, to: [company.south.id])
            #expect(try await outpost(["sync"]).status == 0)
            #expect(try rep.record(RecordID(north.id)) == nil, "the account left the replica")

            let listing = try await outpost(["rejected", "list", "--json"])
            #expect(listing.status == 0, "\(listing.output)")
            let entries = try JSONDecoder().decode([Listed].self, from: Data(listing.standardOutput.utf8))
            let sneaky = try #require(entries.first { $0.recordName == "Sneaky Vortex GmbH" }, "\(listing.output)")
            #expect(sneaky.kind == "account" && sneaky.operation == "create" && !sneaky.message.isEmpty)
            #expect(sneaky.fields.contains { $0.name == "city" && $0.value == "Kassel" })
            // The edit of the evicted account is on the server, or kept here whole: never gone.
            let onServer = try await hub.store.accounts(in: nil).first { $0.id == north.id }?.city == "Evicted-Stadt"
            let keptHere = entries.contains { $0.recordName == north.name && $0.fields.contains { $0.value == "Evicted-Stadt" } }
            #expect(onServer != keptHere, "the edit of the evicted account is \(onServer ? "on the server and also refused" : "lost")")
            #expect(entries.allSatisfy { $0.kind != "unknown" && !$0.fields.isEmpty && !$0.reason.isEmpty })

            let shown = try await outpost(["rejected", "show", "\(sneaky.change)"])
            #expect(shown.status == 0 && shown.output.contains("Sneaky Vortex GmbH") && shown.output.contains("Kassel")
                    && shown.output.contains(sneaky.message), "\(shown.output)")
            let csvFile = rep.folder.deletingLastPathComponent().appendingPathComponent("refused.csv")
            #expect(try await outpost(["rejected", "export", "--format", "csv", "--output", csvFile.path]).status == 0)
            let csv = try String(contentsOf: csvFile, encoding: .utf8)
            #expect(csv.hasPrefix("change,kind,record_id,record,operation,field,value,reason,message,refused_at"))
            #expect(csv.contains("Sneaky Vortex GmbH") && csv.contains("Kassel"))
            let json = try await outpost(["rejected", "export"])
            #expect(try JSONDecoder().decode([Listed].self, from: Data(json.standardOutput.utf8)).count == entries.count)

            // Later syncs (and their evictions) keep it; only discard removes it.
            #expect(try await outpost(["sync"]).status == 0)
            #expect(try rep.rejectedWrites().count == entries.count)
            #expect(try await outpost(["rejected", "discard", "\(sneaky.change)"]).status == 0)
            #expect(try rep.rejectedWrites().map(\.counter) == entries.map(\.change).filter { $0 != sneaky.change })
            let again = try await outpost(["rejected", "discard", "\(sneaky.change)"])
            #expect(again.status != 0 && again.output.contains("no refused change \(sneaky.change)"), "\(again.output)")
        }
    }
}
