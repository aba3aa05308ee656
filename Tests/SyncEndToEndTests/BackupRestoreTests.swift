import FieldClient
import Foundation
import GRDB
import OutpostModel
import OutpostSQLite
import Testing
import TestSupport

/// `outpost-server backup` and `restore` on the real binaries.
@Suite("Backup and restore of the real server", .serialized)
struct BackupRestoreTests {
    @Test("backup copies the database and its key file consistently while serving; restore refuses while a server runs, then starts a new epoch")
    func backupAndRestore() async throws {
        let served = try await RealServer.start()
        defer { served.stop() }
        let account = served.company.accounts(in: served.company.north)[0]
        for index in 0..<3 { try served.replica.create(Contact(accountID: account.id, firstName: "Backed", lastName: "Up \(index)")) }
        let synced = try await served.deviceSync()
        #expect(synced.status == 0, "\(synced.stderr)")

        // Online: the server keeps running and the device keeps syncing while the copy is made.
        let backup = served.folder.appendingPathComponent("backup.sqlite").path
        async let during = served.deviceSync()
        let made = try await CommandRun.server(["backup", "--db", served.database, "--to", backup])
        #expect(try await during.status == 0)
        #expect(made.status == 0, "\(made.stderr)")
        for file in [backup, backup + ".key"] {
            #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        let again = try await CommandRun.server(["backup", "--db", served.database, "--to", backup])
        #expect(again.status != 0 && again.stderr.contains("exists already"), "\(again.stderr)")
        let epoch = try await SQLiteStore(path: served.database).serverEpoch()
        do {
            let copy = try DatabaseQueue(path: backup)
            #expect(try await copy.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
            #expect(try await copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM contact WHERE first_name = 'Backed'") } == 3)
            #expect(try await copy.read { try Int64.fetchOne($0, sql: "SELECT epoch FROM server_epoch") } == epoch)
        }

        let refused = try await CommandRun.server(["restore", "--db", served.database, "--from", backup])
        #expect(refused.status != 0 && refused.stderr.contains("a server is running"), "\(refused.stderr)")

        served.server.kill()
        let restored = try await CommandRun.server(["restore", "--db", served.database, "--from", backup])
        #expect(restored.status == 0, "\(restored.stderr)")
        let store = try SQLiteStore(path: served.database)
        #expect(try await store.serverEpoch() != epoch)
        #expect(try await store.contacts(of: [account.id]).filter { $0.firstName == "Backed" }.count == 3)
        let restarted = try await ServerProcess.start(database: served.database)
        defer { restarted.kill() }
        let after = try await CommandRun.outpost(["sync", "--replica", served.replicaFolder.path, "--endpoint", restarted.tcpEndpoint])
        #expect(after.status == 0, "\(after.stderr)")
    }
}
