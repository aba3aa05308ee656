import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostReplication
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

    @Test("Restored from a backup older than an acknowledged write: the device notices the new epoch, re-sends the lost call and account change, re-reads, and newly imported records reach it")
    func restoreBehindAnAcknowledgedWrite() async throws {
        let served = try await RealServer.start()
        defer { served.stop() }
        let backup = served.folder.appendingPathComponent("before-call-a.sqlite").path
        let made = try await CommandRun.server(["backup", "--db", served.database, "--to", backup])
        #expect(made.status == 0, "\(made.stderr)")
        let rep = FieldCLI(replica: served.replicaFolder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Call A")
        let account = served.company.accounts(in: served.company.north)[0]
        try served.replica.update(RecordID(account.id), fields: [try #require(ReplicatedKind.account.fieldID(named: "phone")): .string("+49 40 777")])
        let first = try await served.deviceSync()
        #expect(first.status == 0 && first.stdout.contains("2 accepted"), "\(first.stdout) \(first.stderr)")
        // A request sent between backup and restore, captured on the way.
        let captured = try HostileDevice(replica: served.replica, endpoint: served.server.tcpEndpoint).seal([]).bytes
        let original = try await sendRaw(captured, endpoint: served.server.tcpEndpoint)
        #expect(errorCode(original) == nil && !isBehindAnswer(original))

        served.server.kill()
        let restored = try await CommandRun.server(["restore", "--db", served.database, "--from", backup])
        #expect(restored.status == 0, "\(restored.stderr)")
        let restarted = try await ServerProcess.start(database: served.database)
        defer { restarted.kill() }
        // Replayed to the restored server, it is not processed again (its answer would reuse the original's nonces).
        #expect(isBehindAnswer(try await sendRaw(captured, endpoint: restarted.tcpEndpoint)))
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Call B")
        let second = try await served.deviceSync(endpoint: restarted.tcpEndpoint)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("3 accepted") && second.stdout.contains("restored from a backup: 2 changes it had lost were sent again"),
                "\(second.stdout)")
        let store = try SQLiteStore(path: served.database)
        let subjects = Set(try await store.activities(of: nil).map(\.subject))
        #expect(subjects.isSuperset(of: ["Call A", "Call B"]), "\(subjects)")
        #expect(try await store.accounts(in: [served.company.north.id]).first { $0.id == account.id }?.phone == "+49 40 777")

        // Converged: nothing pending, both calls on the device; an account imported now reaches it.
        let csv = served.folder.appendingPathComponent("new.csv")
        try "territory_id;name;city\nNorth;Imported After Restore GmbH;Kiel\n".write(to: csv, atomically: true, encoding: .utf8)
        let imported = try await CommandRun.server(["import", "accounts", csv.path, "--db", served.database])
        #expect(imported.status == 0, "\(imported.stderr)")
        let third = try await served.deviceSync(endpoint: restarted.tcpEndpoint)
        #expect(third.status == 0 && third.stdout.contains("sent 0 changes"), "\(third.stdout) \(third.stderr)")
        let calls = try await rep.ok("activities", "list").output
        #expect(calls.contains("Call A") && calls.contains("Call B"), "\(calls)")
        let accounts = try await rep.ok("accounts", "search", "Imported After").output
        #expect(accounts.contains("Imported After Restore GmbH"), "\(accounts)")
    }
}
