internal import Synchronization

/// The proxy's shared state: cut rules and per-connection byte counts, behind a lock
/// because connections run on several event loops.
final class ProxyLedger: Sendable {
    private struct State {
        var nextConnection: [CuttingProxy.Direction: Int] = [:]
        var allConnections: [CuttingProxy.Direction: Int] = [:]
        var traffic: [ProxyTraffic] = []
        var upstreamHeads: [[UInt8]] = []
    }

    private let state = Mutex(State())

    /// Registers a new connection: its index and its byte budgets before a cut.
    func open() -> (Int, [CuttingProxy.Direction: Int]) {
        state.withLock { state in
            let budgets = state.nextConnection.merging(state.allConnections) { next, _ in next }
            state.nextConnection = [:]
            state.traffic.append(ProxyTraffic())
            state.upstreamHeads.append([])
            return (state.traffic.count - 1, budgets)
        }
    }

    func setCut(_ direction: CuttingProxy.Direction, after bytes: Int, scope: CuttingProxy.Scope) {
        state.withLock { state in
            switch scope {
            case .nextConnection: state.nextConnection[direction] = bytes
            case .allConnections: state.allConnections[direction] = bytes
            }
        }
    }

    func record(_ bytes: Int, _ direction: CuttingProxy.Direction, on connection: Int, head: some Sequence<UInt8>) {
        state.withLock { state in
            switch direction {
            case .upstream:
                state.upstreamHeads[connection] += head.prefix(CuttingProxy.headLength - state.upstreamHeads[connection].count)
                state.traffic[connection].upstream += bytes
            case .downstream: state.traffic[connection].downstream += bytes
            }
        }
    }

    var traffic: [ProxyTraffic] {
        state.withLock { $0.traffic }
    }

    var upstreamHeads: [[UInt8]] {
        state.withLock { $0.upstreamHeads }
    }
}
