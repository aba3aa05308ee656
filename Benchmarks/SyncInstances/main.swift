// outpost-sync-bench: syncs per second that enrolled replicas get from one or more
// server instances, each replica syncing back to back on its own thread, through the
// instances in turn. Driven by scripts/bench-instances.sh, which sets up the servers
// and enrols the replicas.
//
//   outpost-sync-bench --seconds 10 --mode noop|write ENDPOINT,ENDPOINT,... REPLICA...
//
// `noop`: syncs with nothing to send or receive; `write`: each sync carries one new
// account written just before it. The passphrase comes from OUTPOST_PASSPHRASE.
import FieldClient
import MergeEngine
import Foundation
import OutpostModel
import OutpostReplication
import Synchronization

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    func option(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        defer { arguments.removeSubrange(index...index + 1) }
        return arguments[index + 1]
    }
    let seconds = Double(option("--seconds") ?? "10") ?? 10
    let mode = option("--mode") ?? "noop"
    guard ["noop", "write"].contains(mode), arguments.count >= 2,
          let passphrase = ProcessInfo.processInfo.environment["OUTPOST_PASSPHRASE"] else {
        throw BenchmarkFailure(description: "usage: OUTPOST_PASSPHRASE=… outpost-sync-bench --seconds 10 --mode noop|write "
            + "ENDPOINT,ENDPOINT,... REPLICA-FOLDER...")
    }
    let endpoints = arguments[0].split(separator: ",").map(String.init)
    let folders = arguments.dropFirst().map { URL(fileURLWithPath: $0) }
    let secret = ReplicaSecret.passphrase(text: passphrase)
    let replicas = try folders.map { folder throws(ReplicaError) in try Replica.open(folder, secret: secret) }

    let syncs = Atomic<Int>(0)
    let failures = Mutex<[String]>([])
    let deadline = Date().addingTimeInterval(seconds)
    let threads = replicas.enumerated().map { index, replica in
        Thread {
            let territory = (try? replica.records(of: .territory).first).flatMap { $0 }.map { TerritoryID($0.state.id) }
            let client = SyncClient(replica: replica)
            var turn = index
            while Date() < deadline {
                do {
                    if mode == "write", let territory {
                        _ = try replica.create(Account(territoryID: territory, name: "Bench \(index)-\(turn)"))
                    }
                    _ = try client.sync(endpoint: endpoints[turn % endpoints.count])
                    syncs.add(1, ordering: .relaxed)
                } catch {
                    failures.withLock { $0.append("replica \(index): \(error)") }
                    return
                }
                turn += 1
            }
        }
    }
    let start = Date()
    for thread in threads { thread.start() }
    while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.05) }
    let elapsed = Date().timeIntervalSince(start)
    let problems = failures.withLock { $0 }
    guard problems.isEmpty else { throw BenchmarkFailure(description: problems.joined(separator: "\n")) }
    let count = syncs.load(ordering: .relaxed)
    print(String(format: "%@ %d syncs in %.1f s: %.1f syncs/s", mode, count, elapsed, Double(count) / elapsed))
}

do { try main() } catch {
    FileHandle.standardError.write(Data("outpost-sync-bench: \(error)\n".utf8))
    exit(1)
}
