import ByteCoding
import ClientTransport
import SeededRandom
import SyncListener
import Testing
import TestSupport

@Suite("Dropped transfers")
struct ProxyCutTests {
    /// The response frames every test streams: the echoed request first, then these.
    private static let frames = [bytes(10), bytes(1_000, seed: 1), bytes(50_000, seed: 2), bytes(3, seed: 3)]
    private static let request = bytes(26)
    private static var response: [[UInt8]] { [request.reversed()] + frames }

    @Test("a link cut at any byte reports exactly the bytes that arrived and the whole frames among them")
    func cutsAtRandomOffsets() async throws {
        try await Self.throughProxy { proxy, endpoint in
            let total = framedSize(Self.response)
            var random = SplitMix(seed: 0x5EED)
            let offsets = [0, 1, 26, 27, 28, total - 1] + (0..<20).map { _ in Int(random.next() % UInt64(total)) }

            for (attempt, offset) in offsets.enumerated() {
                proxy.cut(.downstream, after: offset)
                let outcome = try await runExchange(
                    endpoint,
                    request: Self.request,
                    expectedFrames: Self.response.count
                )
                guard case .failure(let error) = outcome.result, case .connectionClosed(let received) = error.reason else {
                    Issue.record("cut at \(offset): expected connectionClosed, got \(outcome.result)")
                    continue
                }
                #expect(received == offset, "cut at \(offset)")
                #expect(error.counters == TransportCounters(bytesUp: Framing.framedSize(26), bytesDown: offset))
                #expect(outcome.frames == Self.wholeFrames(within: offset), "cut at \(offset)")
                #expect(proxy.connections[attempt] == ProxyTraffic(upstream: Framing.framedSize(26), downstream: offset))
            }
        }
    }

    @Test("a request cut upstream is dropped by the hub, and the client learns nothing arrived")
    func cutsRequest() async throws {
        try await Self.throughProxy { proxy, endpoint in
            for offset in [0, 1, 13, 26] {
                proxy.cut(.upstream, after: offset)
                let outcome = try await runExchange(
                    endpoint, request: Self.request, expectedFrames: 5)
                guard case .connectionClosed(let received) = outcome.reason else {
                    Issue.record("cut at \(offset): expected connectionClosed, got \(outcome.result)")
                    continue
                }
                #expect(received == 0)
            }
        }
    }

    @Test("a cut for all connections applies to each; the proxy counts what the client counts")
    func cutsEveryConnection() async throws {
        try await Self.throughProxy { proxy, endpoint in
            let whole = try await runExchange(endpoint, request: Self.request, expectedFrames: Self.response.count)
            let counters = try whole.result.get()
            #expect(proxy.connections == [ProxyTraffic(upstream: counters.bytesUp, downstream: counters.bytesDown)])

            proxy.cut(.downstream, after: 500, scope: .allConnections)
            for _ in 0..<2 {
                let outcome = try await runExchange(endpoint, request: Self.request, expectedFrames: Self.response.count)
                guard case .connectionClosed(let received) = outcome.reason else {
                    Issue.record("expected connectionClosed, got \(outcome.result)")
                    continue
                }
                #expect(received == 500)
            }
        }
    }

    /// Runs `body` through a cutting proxy in front of a listener that streams ``frames``,
    /// then shuts both down.
    private static func throughProxy(_ body: (CuttingProxy, SyncEndpoint) async throws -> Void) async throws {
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming(frames))
        let proxy = try await CuttingProxy.start(upstreamPort: listener.port)
        let outcome: Result<Void, any Error>
        do { outcome = .success(try await body(proxy, .tcp(host: "127.0.0.1", port: proxy.port))) } catch { outcome = .failure(error) }
        await proxy.shutdown()
        await listener.shutdown()
        try outcome.get()
    }

    /// The response frames that fit whole in the first `count` bytes.
    private static func wholeFrames(within count: Int) -> [[UInt8]] {
        var used = 0
        return Array(
            response.prefix { frame in
                used += Framing.framedSize(frame.count)
                return used <= count
            })
    }
}

