@testable import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
@testable import OutpostServer
import OutpostSQLite
import OutpostStore
import TestSupport
import Testing

@Suite("Revocation and enrolment codes, end to end", .serialized)
struct RevocationTests {
    @Test("A device revoked with `outpost-server device revoke` is refused, told to wipe, and wipes its replica and keys")
    func revokedDevice() async throws {
        try await LiveHub.with { hub, company in
            let replica = try await hub.bootstrapped(company.repNorth)
            let account = RecordID(company.accounts(in: company.north)[0].id)
            let city = try #require(ReplicatedKind.account.fieldID(named: "city"))
            try replica.update(account, fields: [city: .string("Revoked")])

            let device = try #require(try await hub.store.devices().first)
            let db = hub.folder.appendingPathComponent("hq.sqlite").path
            try await OutpostServerCommand.run(arguments: ["device", "revoke", "--db", db, device.id.description])
            #expect(try await hub.store.devices().first?.isRevoked == true)

            // Whatever it sends, a revoked device gets one wipe frame and nothing is applied.
            let hostile = HostileDevice(replica: replica, hub: hub)
            let frames = try await hostile.push(try replica.pendingWrites()).get()
            #expect(frames.count == 1 && frames[0].wipe && frames[0].outcome == nil && frames[0].records.isEmpty)

            // The real client wipes when told.
            let error = await #expect(throws: ReplicaError.self) { try await sync(replica) }
            #expect(error?.code == .revoked)
            #expect(try FileManager.default.contentsOfDirectory(atPath: replica.folder.path).isEmpty)
            #expect(try await hub.store.accounts(in: [company.north.id]).contains { $0.city == "Revoked" } == false)
        }
    }

    /// Enrols a device of `user` with `code`, in a fresh folder.
    func enrol(_ hub: LiveHub, code: String) async throws -> Result<Replica, ReplicaError> {
        let folder = hub.folder.appendingPathComponent("device-\(UUID().uuidString.prefix(8))")
        let url = hub.serverURL
        return try await blocking {
            Result { () throws(ReplicaError) in try Enrolment.enrol(folder: folder, serverURL: url, code: code, label: "test", secret: LiveHub.passphrase).replica }
        }
    }

    @Test("An enrolment code works once; the second use is refused with a clear reason and enrols nothing")
    func singleUse() async throws {
        try await LiveHub.with { hub in
            let code = try await hub.code(for: hub.company.repNorth)
            _ = try await enrol(hub, code: code).get()
            guard case .failure(let error) = try await enrol(hub, code: code) else {
                Issue.record("a used code enrolled a second device")
                return
            }
            #expect(error.code == .refused && error.message.contains("already used"))
            #expect(try await hub.store.devices().count == 1)
        }
    }

    @Test("An expired enrolment code is refused with a clear reason and enrols nothing")
    func expired() async throws {
        try await LiveHub.with { hub in
            let (code, record) = try EnrolmentCodes.issue(for: hub.company.repNorth.id, lifetime: .seconds(600),
                                                          now: Date().addingTimeInterval(-601))
            try await hub.store.addEnrolmentCode(record)
            guard case .failure(let error) = try await enrol(hub, code: code) else {
                Issue.record("an expired code enrolled a device")
                return
            }
            #expect(error.code == .refused && error.message.contains("expired"), "\(error)")
            #expect(try await hub.store.devices().isEmpty)
        }
    }
}
