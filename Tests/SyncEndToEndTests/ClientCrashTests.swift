import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostServer
import OutpostSQLite
import SeededRandom
import Testing
import TestSupport

@Suite("kill -9 of the real field client during its syncs", .serialized)
struct ClientCrashTests {
    static let binary = OutpostProcess.binary

    @Test("A client killed at random points of its syncs loses no change and applies none twice", .timeLimit(.minutes(5)))
    func killDuringSyncs() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "build outpost first (swift build --build-tests); looked for \(Self.binary.path)")
        try await LiveHub.with(limits: SyncLimits(burst: 100_000)) { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let startSequence = try await hub.store.currentChangeSequence()

            let account = hub.company.accounts(in: hub.company.north)[0]
            let city = try #require(ReplicatedKind.account.fieldID(named: "city"))
            var random = SplitMix(seed: 7)
            var names: [String] = []
            var kills = 0
            var killedAfterPush = 0
            // Unlocked once, so every run goes straight to its sync (no Argon2id to kill instead).
            let runtime = replica.folder.appendingPathComponent("runtime")
            try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            #expect(try await Self.run(["unlock", "--replica", replica.folder.path], runtime: runtime, passphrase: true) == 0)
            // How long one whole run of `outpost sync` takes here (kills land anywhere in
            // it), measured again by every run that ends on its own, as the load changes.
            let clock = ContinuousClock()
            var started = clock.now
            #expect(try await Self.run(["sync", "--replica", replica.folder.path], runtime: runtime) == 0)
            var runMicroseconds = max(1_000, Int((clock.now - started) / .microseconds(1)))
            // Rounds go on until the client has been killed often enough (bounded).
            var rounds = 0
            while kills < 16 && rounds < 120 {
                let round = rounds
                rounds += 1
                let contact = Contact(accountID: account.id, firstName: "Killed", lastName: "Round \(round)")
                try replica.create(contact)
                try replica.update(RecordID(account.id), fields: [city: .string("City \(round)")])
                names.append(contact.lastName)
                let killAfter: Duration? = random.chance(60) ? .microseconds(Int64(random.below(runMicroseconds))) : nil
                started = clock.now
                let status = try await Self.run(["sync", "--replica", replica.folder.path], runtime: runtime, killAfter: killAfter)
                if status != SIGKILL { runMicroseconds = max(1_000, Int((clock.now - started) / .microseconds(1))) }
                if status == SIGKILL {
                    kills += 1
                    if try await hub.store.contacts(of: [account.id]).contains(where: { $0.lastName == contact.lastName }) { killedAfterPush += 1 }
                } else {
                    #expect(status == 0, "round \(round): outpost sync exited \(status)")
                }
            }

            // Whatever a kill left pending goes up now, and everything settles.
            let final = try await sync(replica)
            #expect(final.rejected == 0)
            let contacts = try await hub.store.contacts(of: [account.id]).filter { $0.firstName == "Killed" }
            #expect(contacts.map(\.lastName).sorted() == names.sorted(), "each contact on the server exactly once")
            #expect(try await hub.store.accounts(in: nil).first { $0.id == account.id }?.city == "City \(rounds - 1)")
            #expect(try replica.pendingWrites().isEmpty && replica.rejectedWrites().isEmpty)
            let local = try replica.records(of: .contact).compactMap { try $0.decoded() as? Contact }.filter { $0.firstName == "Killed" }
            #expect(local.count == rounds, "the replica holds each contact once")
            // One hub stamp per write: a write applied twice would have taken a second one.
            #expect(try await hub.store.currentChangeSequence() - startSequence == Int64(2 * rounds))
            #expect(kills >= 16, "the schedule should kill the client several times (killed \(kills) in \(rounds) rounds)")
            print("client crash safety: \(rounds) rounds, the last whole sync run took \(runMicroseconds) µs, \(kills) SIGKILLs, "
                  + "\(killedAfterPush) after the server had the push")
        }
    }

    /// Runs `outpost ARGUMENTS` as its own process with its unlock file in `runtime`,
    /// SIGKILLed after `killAfter` if it is still running then; returns its exit
    /// status (the signal, if killed).
    static func run(_ arguments: [String], runtime: URL, passphrase: Bool = false, killAfter: Duration? = nil) async throws -> Int32 {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ["XDG_RUNTIME_DIR": runtime.path, "PATH": "/usr/bin:/bin"]
        if passphrase { environment["OUTPOST_PASSPHRASE"] = LiveHub.passphraseText }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            try? await Task.sleep(for: killAfter)  // a random point of the sync, not a wait for an outcome
            _ = kill(process.processIdentifier, SIGKILL)
        }
        return try await blocking {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
