import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Testing

@Suite("A disabled user's devices, end to end", .serialized)
struct DisabledUserTests {
    @Test("a disabled user's device uploads its pending change, is told to wipe, and wipes")
    func disabledUserUploadsThenWipes() async throws {
        try await LiveHub.with { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let account = try #require(hub.company.accounts(in: hub.company.north).first)
            let city = try #require(ReplicatedKind.account.fieldID(named: "city"))
            try replica.update(RecordID(account.id), fields: [city: .string("Uploaded before the wipe")])

            try await hub.store.setUserDisabled(hub.company.repNorth.id, at: Date())
            let error = await #expect(throws: ReplicaError.self) { try await sync(replica) }
            #expect(error?.code == .revoked)
            #expect(try FileManager.default.contentsOfDirectory(atPath: replica.folder.path).isEmpty, "the replica is wiped")
            let stored = try await hub.store.accounts(in: [hub.company.north.id]).first { $0.id == account.id }
            #expect(stored?.city == "Uploaded before the wipe", "the pending change reached the server first")
        }
    }
}
