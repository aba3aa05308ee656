@testable import FieldClient
import Foundation
import GRDB
import Testing
import TestSupport

@Suite("The replica's integrity, checked by the real outpost", .serialized)
struct ReplicaIntegrityTests {
    @Test("A replica another command holds is reported busy, with what to do, and not as corrupt", .timeLimit(.minutes(2)))
    func busyReplicaIsNotCorrupt() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let rep = try await hub.bootstrapped(hub.company.repNorth)
        // Another connection holds the replica's file exclusively while the command runs.
        let other = try DatabaseQueue(path: rep.folder.appendingPathComponent(Replica.fileName).path)
        let folder = rep.folder
        let run = try await blocking {
            Result {
                var run: OutpostProcess.Run?
                try other.inTransaction(.exclusive) { _ in
                    run = try OutpostProcess.runWaiting(["status"], replica: folder)
                    return .rollback
                }
                return try #require(run)
            }
        }.get()
        #expect(run.status != 0)
        #expect(run.output.contains("another outpost command is using this replica; try again"), "\(run.output)")
        #expect(!run.output.contains("damaged") && !run.output.contains("altered"), "\(run.output)")
        #expect(try await OutpostProcess.run(["status"], replica: rep.folder).status == 0)
    }
}
