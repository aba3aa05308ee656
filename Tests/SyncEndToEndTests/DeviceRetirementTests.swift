import FieldClient
import Foundation
import OutpostModel
import OutpostSQLite
import Testing
import TestSupport

/// `outpost-server device retire` and `device revoke` on the real binaries.
@Suite("Retiring and revoking devices on the real server", .serialized)
struct DeviceRetirementTests {
    /// Creates `count` contacts on the device, pending until its next sync.
    static func pendingContacts(_ served: RealServer, count: Int, name: String) throws -> [Contact] {
        let account = served.company.accounts(in: served.company.north)[0]
        return try (0..<count).map { index in
            let contact = Contact(accountID: account.id, firstName: name, lastName: "Pending \(index)")
            try served.replica.create(contact)
            return contact
        }
    }

    /// The device rows of `outpost-server device list --json`.
    static func deviceRows(_ served: RealServer) async throws -> [[String: Any]] {
        let listed = try await CommandRun.server(["device", "list", "--db", served.database, "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]], "\(listed.stderr)")
    }

    @Test("A retired device uploads its 3 pending changes at its next sync, then is told to wipe, losing nothing; it is refused afterwards")
    func retire() async throws {
        let served = try await RealServer.start()
        defer { served.stop() }
        let created = try Self.pendingContacts(served, count: 3, name: "Retiring")
        let deviceID = try #require(try await SQLiteStore(path: served.database).devices().first?.id.description)

        let retired = try await CommandRun.server(["device", "retire", "--db", served.database, ShortID.of(deviceID)])
        #expect(retired.status == 0, "\(retired.stderr)")
        let upload = try await served.deviceSync()
        #expect(upload.status == 0 && upload.stdout.contains("3 accepted"), "\(upload.stdout) \(upload.stderr)")
        let onServer = try await SQLiteStore(path: served.database).contacts(of: nil).filter { $0.firstName == "Retiring" }
        #expect(Set(onServer.map(\.lastName)) == Set(created.map(\.lastName)))

        let wipe = try await served.deviceSync()
        #expect(wipe.status != 0)
        #expect(wipe.stderr.contains("every change made on it had reached the server"), "\(wipe.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: served.replicaFolder.path).isEmpty)
        let row = try #require(try await Self.deviceRows(served).first)
        #expect(row["revoked"] as? Bool == true && row["retiring"] != nil)
    }

    @Test("A revoked device is refused and wiped at its next sync, says how many unsynced changes it discarded, and the server records the attempt")
    func revoke() async throws {
        let served = try await RealServer.start()
        defer { served.stop() }
        _ = try Self.pendingContacts(served, count: 3, name: "Stolen")
        let deviceID = try #require(try await SQLiteStore(path: served.database).devices().first?.id.description)
        let unknown = try await CommandRun.server(["device", "revoke", "--db", served.database, "zz"])
        #expect(unknown.status != 0 && unknown.stderr.contains("no device has an id starting or ending with"), "\(unknown.stderr)")
        #expect(try await Self.deviceRows(served).first?["refused_sync"] == nil)

        let revoked = try await CommandRun.server(["device", "revoke", "--db", served.database, String(deviceID.prefix(6))])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        let refused = try await served.deviceSync()
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("3 changes made on it that never reached the server were discarded"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: served.replicaFolder.path).isEmpty)
        #expect(try await SQLiteStore(path: served.database).contacts(of: nil).contains { $0.firstName == "Stolen" } == false)
        let row = try #require(try await Self.deviceRows(served).first)
        #expect(row["revoked"] as? Bool == true && row["refused_sync"] != nil, "\(row)")
    }
}
