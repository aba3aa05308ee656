import Foundation
import OutpostSQLite
import SyncChannel
import Testing
import TestSupport

/// A device whose replica folder is put back from an older copy, on the real binaries.
@Suite("A device restored from a copy of its replica, against the real server", .serialized)
struct RestoredReplicaTests {
    @Test("A call logged after the replica was put back from an older copy reaches the server; no request nonce repeats though a counter does")
    func restoredCopyLosesNoWrite() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let proxy = try await CuttingProxy.start(upstreamPort: real.server.syncPort)
        defer { Task { await proxy.shutdown() } }
        let endpoint = "tcp://127.0.0.1:\(proxy.port)"
        let folder = real.replicaFolder
        let copy = real.folder.appendingPathComponent("replica-copy")
        try FileManager.default.copyItem(at: folder, to: copy)
        let rep = FieldCLI(replica: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Before the restore")
        let first = try await real.deviceSync(endpoint: endpoint)
        #expect(first.status == 0, "\(first.stderr)")

        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: copy, to: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "After the restore")
        let restored = try await real.deviceSync(endpoint: endpoint)
        #expect(restored.status == 0, "\(restored.stderr)")
        // The server had seen the counter and the write number: both are adopted, said, and the call sent again.
        #expect(restored.stdout.contains("1 accepted") && restored.stdout.contains("restored from an older copy")
                    && restored.stdout.contains("1 change was numbered again"), "\(restored.stdout)")
        let settled = try await real.deviceSync(endpoint: endpoint)
        #expect(settled.status == 0 && settled.stdout.contains("sent 0 changes"), "\(settled.stdout) \(settled.stderr)")

        let subjects = Set(try await SQLiteStore(path: real.database).activities(of: nil).map(\.subject))
        #expect(subjects.isSuperset(of: ["Before the restore", "After the restore"]))
        let listed = try await rep.ok("activities", "list").output
        #expect(listed.contains("Before the restore") && listed.contains("After the restore"), "\(listed)")

        // On the socket: the restored replica sent a request counter again, under a new salt.
        let headers = try proxy.upstreamHeads.map { head in
            let prefix = head.prefix { $0 & 0x80 != 0 }.count + 1
            return try SealedRequest(parsing: Array(head.dropFirst(prefix)))
        }
        #expect(headers.count >= 4)
        let pairs = headers.map { "\($0.counter):\($0.salt)" }
        #expect(Set(pairs).count == pairs.count, "a (counter, salt) pair, hence a nonce, was used twice")
        #expect(Set(headers.map(\.counter)).count < headers.count, "the restored replica should have reused a counter")
    }

    @Test("A call logged on a copy restored after the server forgot the original's outcomes reaches the server too")
    func restoredCopyAfterOutcomesWereTakenIn() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let folder = real.replicaFolder
        let copy = real.folder.appendingPathComponent("replica-copy")
        try FileManager.default.copyItem(at: folder, to: copy)
        let rep = FieldCLI(replica: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Original one")
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Original two")
        #expect(try await real.deviceSync().status == 0)
        // The next sync shows the server nothing is pending: it forgets both outcomes.
        #expect(try await real.deviceSync().status == 0)

        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: copy, to: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "On the copy")
        let restored = try await real.deviceSync()
        #expect(restored.status == 0 && restored.stdout.contains("1 accepted"), "\(restored.stdout) \(restored.stderr)")
        #expect(try await real.deviceSync().stdout.contains("sent 0 changes"))

        let subjects = Set(try await SQLiteStore(path: real.database).activities(of: nil).map(\.subject))
        #expect(subjects.isSuperset(of: ["Original one", "Original two", "On the copy"]))
    }
}
