@testable import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing
import TestSupport

@Suite("The replica's integrity, checked by the real outpost", .serialized)
struct ReplicaIntegrityTests {
    @Test("A replica another command holds is reported busy, with what to do, and not as corrupt", .timeLimit(.minutes(5)))
    func busyReplicaIsNotCorrupt() async throws {
        try await LiveHub.with { hub in
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
}

extension ReplicaIntegrityTests {
    /// Alterations an attacker can make to the replica file without the passphrase.
    static let identityTamperings: [(what: String, sql: String)] = [
        ("the server's public key", "UPDATE identity SET server_public_key = zeroblob(32)"),
        ("the server's signing key", "UPDATE identity SET server_signing_key = zeroblob(32)"),
        ("the sync endpoint", "UPDATE identity SET sync_endpoint = 'tcp://127.0.0.1:9'"),
        ("the server URL", "UPDATE identity SET server_url = 'http://127.0.0.1:9'"),
        ("the request counter", "UPDATE identity SET request_counter = 0"),
        ("the write counter", "UPDATE identity SET write_counter = 0"),
        ("the watermark", "UPDATE identity SET watermark = 0"),
        ("the seal itself", "UPDATE identity SET seal = NULL"),
    ]

    @Test("An identity altered without the passphrase is refused by every command and reported by outpost check",
          .timeLimit(.minutes(4)))
    func alteredIdentityIsRefused() async throws {
        try await LiveHub.with { hub in
            let (rep, keyFile) = try await hub.keyFileDevice(hub.company.repNorth)
            try rep.update(RecordID(hub.company.accounts(in: hub.company.north)[0].id),
                           fields: [try #require(ReplicatedKind.account.fieldID(named: "city")): .string("Pending-Stadt")])
            for (index, tampering) in Self.identityTamperings.enumerated() {
                let copy = hub.folder.appendingPathComponent("tampered-\(index)")
                try FileManager.default.copyItem(at: rep.folder, to: copy)
                try await DatabaseQueue(path: copy.appendingPathComponent(Replica.fileName).path).write { db in try db.execute(sql: tampering.sql) }
                for command in [["status"], ["sync"], ["accounts", "list"], ["rejected", "list"]] {
                    let run = try await OutpostProcess.run(command, replica: copy, passphrase: nil, environment: keyFile)
                    #expect(run.status != 0, "\(command) ran on a replica with \(tampering.what) altered")
                    #expect(run.output.contains("identity") && run.output.contains("altered"), "\(tampering.what), \(command): \(run.output)")
                }
                let check = try await OutpostProcess.run(["check"], replica: copy, passphrase: nil, environment: keyFile)
                #expect(check.status != 0 && check.output.contains("identity"), "check with \(tampering.what) altered: \(check.output)")
            }
            // The device never reached the hub from a tampered copy: its pending change is still pending.
            #expect(try rep.pendingWrites().count == 1)
            #expect(try await OutpostProcess.run(["check"], replica: rep.folder, passphrase: nil, environment: keyFile).status == 0)
        }
    }

    @Test("outpost check runs SQLite's integrity check and opens every sealed value, naming each problem", .timeLimit(.minutes(5)))
    func checkNamesEveryProblem() async throws {
        try await LiveHub.with { hub in
            let (rep, keyFile) = try await hub.keyFileDevice(hub.company.repNorth)
            let intact = try await OutpostProcess.run(["check"], replica: rep.folder, passphrase: nil, environment: keyFile)
            #expect(intact.status == 0 && intact.output.contains("Intact"), "\(intact.output)")

            let file = rep.folder.appendingPathComponent(Replica.fileName)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            let (pageSize, indexRoot, sealed) = try await rep.database.read { db in
                (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'record_by_kind'") ?? 0,
                 try storedSeal(db, of: account))
            }
            var bytes = try Data(contentsOf: file)
            // The last byte of the index's root page ends an entry's row id: the entry now
            // points at another row, as a torn write of that page would leave it.
            bytes[indexRoot * pageSize - 1] ^= 0x01
            let offset = try #require(bytes.range(of: sealed)?.lowerBound)
            bytes[offset + sealed.count / 2] ^= 0x20
            try bytes.write(to: file)

            let damaged = try await OutpostProcess.run(["check"], replica: rep.folder, passphrase: nil, environment: keyFile)
            #expect(damaged.status != 0)
            #expect(damaged.output.contains("SQLite's integrity check") && damaged.output.contains("record_by_kind"), "\(damaged.output)")
            #expect(damaged.output.contains("record \(account)"), "\(damaged.output)")
            #expect(!damaged.output.contains("Intact"))
        }
    }
}
