import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostServer
import OutpostSQLite
import OutpostStore
import SeededRandom
import Testing
import TestSupport

@Suite("kill -9 of the real server during a stream of syncs", .serialized)
struct CrashSafetyTests {
    @Test("Every acknowledged change survives SIGKILL at random points and none is applied twice", .timeLimit(.minutes(5)))
    func killDuringSyncs() async throws {
        let real = try await RealServer.start(extraArguments: ["--sync-burst", "100000"])
        defer { real.stop() }
        let (database, company, replica) = (real.database, real.company, real.replica)
        var server = real.server
        let startSequence = try await SQLiteStore(path: database).currentChangeSequence()

        let account = company.accounts(in: company.north)[0]
        let city = try #require(ReplicatedKind.account.fieldID(named: "city"))
        var random = SplitMix(seed: 2026)
        var created: [(contact: Contact, counter: UInt64)] = []
        var acked: Set<UInt64> = []
        var writes = 0
        var kills = 0
        var cutSyncs = 0
        var appliedButUnacknowledged = 0
        let rounds = 40
        for round in 0..<rounds {
            let contact = Contact(accountID: account.id, firstName: "Crash", lastName: "Round \(round)")
            created.append((contact, try replica.create(contact).dot.counter))
            try replica.update(RecordID(account.id), fields: [city: .string("City \(round)")])
            writes += 2
            let endpoint = round % 2 == 0 ? server.tcpEndpoint : server.httpEndpoint
            let killAfter: Duration? = random.next() % 2 == 0 ? .microseconds(Int64(random.next() % 12_000)) : nil
            let victim = server
            let killer = killAfter.map { delay in
                Task.detached {
                    try? await Task.sleep(for: delay)  // a random point of the sync, not a wait for an outcome
                    victim.kill()
                }
            }
            let outcome: Result<SyncReport, any Error>
            do { outcome = .success(try await sync(replica, endpoint: endpoint, retries: 0)) } catch { outcome = .failure(error) }
            if let killer {
                await killer.value
                kills += 1
                server = try await ServerProcess.start(database: database, extraArguments: ["--sync-burst", "100000"])
            }
            switch outcome {
            case .success:
                let pending = Set(try replica.pendingWrites().map(\.dot.counter))
                for write in created where !pending.contains(write.counter) { acked.insert(write.counter) }
                // Every acknowledged change is on the server, even right after a kill and restart.
                let present = try await SQLiteStore(path: database).contacts(of: [account.id]).filter { $0.firstName == "Crash" }
                let ackedNames = Set(created.filter { acked.contains($0.counter) }.map(\.contact.lastName))
                #expect(ackedNames.isSubset(of: Set(present.map(\.lastName))), "round \(round): an acknowledged contact is missing")
            case .failure(let error):
                #expect(killer != nil, "round \(round): a sync failed without a kill: \(error)")
                cutSyncs += 1
                // The server may have committed the push and died before answering: the
                // device still holds the write and will push it again.
                let onServer = try await SQLiteStore(path: database).contacts(of: [account.id]).contains { $0.lastName == contact.lastName }
                if onServer, try replica.pendingWrites().contains(where: { $0.dot.counter == created.last?.counter }) {
                    appliedButUnacknowledged += 1
                }
            }
        }

        // Settle whatever was pending when the server died, then check the server once more.
        let final = try await sync(replica, endpoint: server.tcpEndpoint, retries: 0)
        server.kill()
        let store = try SQLiteStore(path: database)
        let contacts = try await store.contacts(of: [account.id]).filter { $0.firstName == "Crash" }
        #expect(contacts.count == created.count, "each created contact exactly once")
        #expect(Set(contacts.map(\.lastName)) == Set(created.map(\.contact.lastName)))
        #expect(try await store.accounts(in: [company.north.id]).first { $0.id == account.id }?.city == "City \(rounds - 1)")
        #expect(try replica.pendingWrites().isEmpty && replica.rejectedWrites().isEmpty)
        // One hub stamp per write: a write applied twice would have taken a second one.
        #expect(try await store.currentChangeSequence() - startSequence == Int64(writes))
        #expect(kills >= 6 && cutSyncs >= 1, "the schedule should cut some syncs (kills \(kills), cut \(cutSyncs))")
        print("crash safety: \(rounds) rounds, \(writes) writes, \(kills) SIGKILLs, \(cutSyncs) syncs cut "
              + "(\(appliedButUnacknowledged) after the server committed the push), \(acked.count) creates acknowledged "
              + "before the final sync, final sync accepted \(final.accepted)")
    }
}
