import Foundation
import OutpostSQLite
import Testing

/// A device whose replica folder is put back from an older copy, on the real binaries.
@Suite("A device restored from a copy of its replica, against the real server", .serialized)
struct RestoredReplicaTests {
    @Test("A call logged after the replica was put back from an older copy reaches the server")
    func restoredCopyLosesNoWrite() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let folder = real.replicaFolder
        let copy = real.folder.appendingPathComponent("replica-copy")
        try FileManager.default.copyItem(at: folder, to: copy)
        let rep = FieldCLI(replica: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "Before the restore")
        let first = try await real.deviceSync()
        #expect(first.status == 0, "\(first.stderr)")

        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: copy, to: folder)
        try await rep.ok("log", "call", "--account", "Hamburg Account 1", "--subject", "After the restore")
        _ = try await real.deviceSync()
        _ = try await real.deviceSync()

        let subjects = Set(try await SQLiteStore(path: real.database).activities(of: nil).map(\.subject))
        #expect(subjects.contains("Before the restore"))
        withKnownIssue("issue 13 item 3: the restored device reuses write counter 1; the first call's outcome acknowledges the second") {
            #expect(subjects.contains("After the restore"))
        }
    }
}
