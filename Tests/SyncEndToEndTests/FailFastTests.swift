import FieldClient
import Foundation
import SyncListener
import Testing

/// A sync gives up at once when retrying cannot help, and within its timeout as a whole.
@Suite("Sync that fails fast", .serialized)
struct FailFastTests {
    /// Syncs `replica` against `endpoint` with `timeout` for the whole sync and three retries.
    func failingSync(_ replica: Replica, endpoint: String, timeout: Duration) async throws -> ReplicaError? {
        var client = SyncClient(replica: replica)
        client.timeout = timeout
        client.retries = 3
        let chosen = client
        return try await TestSupportBlocking.run { () -> ReplicaError? in
            do throws(ReplicaError) { _ = try chosen.sync(endpoint: endpoint); return nil } catch { return error }
        }
    }

    @Test("a hub that accepts but never answers is given up on within --timeout, retries included")
    func silentHub() async throws {
        try await LiveHub.with { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let (silence, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            let silent = try await NativeSyncListener.start(host: "127.0.0.1", port: 0) { _, _ in for try await _ in silence {} }
            let error = try await failingSync(replica, endpoint: "tcp://127.0.0.1:\(silent.port)", timeout: .seconds(2))
            continuation.finish()
            await silent.shutdown()
            #expect(error?.code == .transport)
            #expect(error?.message.contains("timed out") == true, "\(String(describing: error))")
            // Four attempts of 2 s each before; now the first attempt spends the whole 2 s deadline
            // and no retry follows (counted by the client, not timed by the test).
            #expect(error?.message.contains("after 1 attempt;") == true, "\(String(describing: error))")
        }
    }

    @Test("a refused connection and an HTTP 404 are not retried")
    func permanentFailures() async throws {
        try await LiveHub.with { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let refused = try await failingSync(replica, endpoint: "tcp://127.0.0.1:1", timeout: .seconds(30))
            #expect(refused?.message.contains("connection refused") == true)
            #expect(refused?.message.contains("after 1 attempt;") == true, "\(String(describing: refused))")
            let missing = try await failingSync(replica, endpoint: "http://127.0.0.1:\(hub.httpPort)/no-such-path", timeout: .seconds(30))
            #expect(missing?.message.contains("HTTP 404") == true, "\(String(describing: missing))")
            #expect(missing?.message.contains("after 1 attempt;") == true)
        }
    }
}
